# minyi · English (complete translation of zh-CN.ftl)
# One section per feature (## Feature), kebab-case keys. zh-CN.ftl must have the same keys.

## Common
error-generic = Sorry, that step did not go through; please try again in a moment. What was saved before is not affected.

## Language
language-choose = 请选择语言 / Choose your language:
language-changed = Switched to English.

## Unhandled
unhandled-stale-button = This button has expired. Please start again.
unhandled-unsupported-message = Stickers, voice notes and videos can't be handled on their own. Please describe your opinion in text; with /new you may add photos, voice notes and a location.
unhandled-unknown = I didn't understand that. Send /new to submit an opinion, /my to follow yours, /help for everything else.

## Errors
error-forbidden = You are not allowed to do this; nothing was changed.
error-invalid-transition = This opinion is { $stage ->
    [COLLECTED] waiting to be acknowledged
    [ANALYZING] being analysed
    [HANDLING] being handled
    [FEEDBACK] waiting for an evaluation
    [CLOSED] closed
   *[other] at a stage
}, so this cannot be done now; nothing was changed.
error-conflict = Someone else has just acted on this opinion, so your action was not carried out. Please look at the latest state and try again.
error-not-found = Not found: it may have been removed or revoked.
error-validation = That input is not valid; please check it and try again.
error-not-implemented = This is not available yet.

## Invitations
invitation-unknown = This invitation code does not exist. Please check it, or ask an admin for a new invitation.
invitation-revoked = This invitation was revoked. Please ask an admin for a new one.
invitation-used = This invitation has already been used; each invitation works once. Please ask an admin for a new one.
invitation-expired = This invitation has expired. Please ask an admin for a new one.
invitation-already-held = You already hold this role; there is nothing to accept.
invitation-bootstrap-unknown-region = There is no district with the code { $code }.
invitation-bootstrap-choose-region = { $count ->
    [0] The database has no district yet: load the regions first (npm run seed loads the demo district).
   *[other] The database has { $count } districts: name one with --region.
}
invitation-join-usage = Please add the invitation code after the command, for example: /join abcd23efgh
invitation-accepted = Welcome! You are now { $role } for { $scope }.
invitation-accepted-notice = { $name } accepted your invitation ({ $code }) and is now { $role ->
    [LIAISON_OFFICER] liaison officer
    [REPRESENTATIVE] representative
    [AGENCY_HANDLER] agency handler
    [STREET_ADMIN] street / town admin
   *[DISTRICT_ADMIN] district admin
} of { $scopeEn }.
invitation-next-liaison-officer = New opinions from residents will arrive here. Send /inbox to see what is waiting.
invitation-next-representative = Opinions of your stations turned into proposals or supervision topics are handled here.
invitation-next-agency-handler = Cases referred to your agency will arrive here. Send /cases to see the open ones.
invitation-next-street-admin = Send /invite to invite staff and /staff to manage them.
invitation-next-district-admin = Send /invite to invite staff and /staff to manage them.
invitation-choose-role = Which role do you want to invite someone to?
invitation-no-scopes = There is nothing within your scope to assign a { $role } to.
invitation-choose-scope = Choose what the { $role } will be responsible for:
invitation-page-previous = ‹ Previous
invitation-page-next = Next ›
invitation-created =
    Invitation for a { $role } of { $scope } created: valid for { $hours } hours, usable once.
    Send this link to the person:
    { $link }
    or have them send the bot: /join { $code }

## Network import
import-issue = { $sheet }, row { $row }, column { $column } ({ $header }): { $message }
import-error-required = this cell must not be empty.
import-error-too-long = the text is too long.
import-error-bad-code = “{ $value }” is not a valid code (letters, digits, “.”, “_” and “-”, starting with a letter or digit).
import-error-bad-enum = “{ $value }” is not one of: { $allowed }.
import-error-unknown-role = unknown role “{ $value }”: the roles are { $allowed }.
import-error-bad-coordinate = “{ $value }” is not a valid coordinate (latitude −90…90, longitude −180…180, in decimal degrees).
import-error-bad-date = “{ $value }” is not a valid date (YYYY-MM-DD).
import-error-bad-time = “{ $value }” is not a valid time (HH:MM).
import-error-bad-time-range = the reception must end after it starts.
import-error-bad-time-zone = “{ $value }” is not a known time zone (e.g. Asia/Shanghai).
import-error-bad-telegram-id = “{ $value }” is not a Telegram user id (digits only).
import-error-bad-number = “{ $value }” is not a positive whole number.
import-error-bad-value = “{ $value }” is not valid here.
import-error-parent-required = a street, town, community or village needs its parent region.
import-error-district-parent = a district has no parent region.
import-error-parent-kind = “{ $value }” cannot be the parent: streets and towns belong to a district, communities and villages to a street or town.
import-error-missing-column = the sheet lacks this column.
import-error-duplicate-code = “{ $value }” appears again (first on row { $other }).
import-error-unknown-street = unknown street or town “{ $value }”: it is neither in the regions sheet nor in the database.
import-error-unknown-region = unknown region “{ $value }”: it is neither in the regions sheet nor in the database.
import-error-unknown-home = “{ $value }” is not a Representatives’ Home (tier HOME) of this network; a home itself belongs to no home.
import-error-unknown-station = unknown station “{ $value }”.
import-error-unknown-scope = “{ $value }” is not a { $other ->
    [LIAISON_OFFICER] station
    [REPRESENTATIVE] station
    [AGENCY_HANDLER] agency
    [STREET_ADMIN] street or town
   *[other] district
} of this network.
import-error-unknown-representative = “{ $value }” is not a representative of the staff sheet.
import-error-outside-scope = “{ $value }” lies outside the part of the network you manage.
import-refused = { $count ->
    [one] One error
   *[other] { $count } errors
}: nothing was written. Correct the file and import it again.
import-refused-more = … and { $count } more.
import-dry-run = Dry run: nothing was written. Importing this file would change:
import-applied = Imported. Changes:
import-sheet-changes = { $sheet }: { $added } added, { $changed } changed, { $deactivated } deactivated.
import-sheet-unchanged = { $sheet }: no change.
import-codes-added = added: { $codes }
import-codes-changed = changed: { $codes }
import-codes-deactivated = deactivated: { $codes }
import-nothing-changes = The file matches the network: nothing to change.
import-invitations = { $count } invitations for staff not yet on Telegram.
import-invitations-sheet-name = Invitations
import-invitations-header-name = Name
import-invitations-header-role = Role
import-invitations-header-scope = Scope
import-invitations-header-link = Link
import-invitations-header-code = Code
import-invitations-header-expires = Valid until
import-invitations-header-qr = QR code
import-bot-send-file = Send the district spreadsheet (.xlsx) as a file: I check it and show what would change before anything is written. /template gives an empty template, /export the current network.
import-bot-not-xlsx = This is not an .xlsx spreadsheet. Please send the file exported from Excel or WPS as .xlsx.
import-bot-too-large = The file is larger than 20 MB, which Telegram lets a bot download. Please split it, or use the command line import.
import-bot-checking = Checking the spreadsheet…
import-bot-confirm = Apply these changes
import-bot-cancel = Cancel
import-bot-cancelled = Cancelled: nothing was written.
import-bot-expired = This import is no longer pending: please send the file again.
import-bot-invitations-caption = Invitations to hand out: one link and QR code per person.
import-bot-template-caption = The district spreadsheet template: fill in each sheet and send the file back to me.
import-bot-export-caption = The current network, in the template’s layout: edit and send it back to import.

## Staff admin
staff-role-liaison-officer = liaison officer
staff-role-representative = representative
staff-role-agency-handler = agency handler
staff-role-street-admin = street / town admin
staff-role-district-admin = district admin
staff-list-header = Staff within your scope: { $count } (page { $page } of { $pages }):
staff-line = { $name } · { $role } · { $scope }
staff-revoke-button = Revoke no. { $number }
staff-revoke-question = Revoke this role? It stops working at once.
    { $line }
staff-revoke-confirm = Revoke
staff-revoke-cancel = Cancel
staff-revoked = Revoked: the role stopped working at once.
staff-revoke-self = You cannot revoke your own role; please ask a higher admin.
staff-already-revoked = This role was already revoked.
invitation-revoke-button = Revoke this invitation
invitation-revoked-done = The invitation is revoked: its link and code no longer work.
invitation-not-open = This invitation was already used, revoked or has expired: there is nothing to revoke.
staff-invitations-button = Pending invitations ({ $count })
staff-invitations-header = Invitations not yet accepted: { $count } (newest first)
staff-invitations-none = No pending invitations.
staff-invitation-line = { $role } · { $scope } · valid until { $expires }
staff-invitations-back = ‹ Back to staff

## Notifications
notify-resident-acknowledged = Your opinion { $trackingNo } has been received by { $stationEn }; a liaison officer is looking into it.
notify-resident-answered = Your opinion { $trackingNo } has been answered:
    { $text }
    Please rate the answer.
notify-resident-referred = Your opinion { $trackingNo } has been referred to { $agencyEn }, to be handled by { $dueAt }.
notify-resident-escalated = Your opinion { $trackingNo } has been taken up as { $to ->
    [PROPOSAL] a representative's proposal
   *[SUPERVISION] a supervision topic of the People's Congress
}. We will tell you the outcome.
notify-resident-declined = Your opinion { $trackingNo } cannot be taken up and has been closed. Reason: { $reason }
notify-resident-merged = Your opinion { $trackingNo } raises the same problem as { $mainTrackingNo } and has been merged into it. You will now receive the updates of { $mainTrackingNo }.
notify-resident-handed-back = Your opinion { $trackingNo } is being passed to the right agency; the liaison officer will arrange it shortly.
notify-resident-result = The result for your opinion { $trackingNo }:
    { $text }
    Please rate the result.
notify-resident-reopened = You were not satisfied with the result for { $trackingNo }, so it has gone into round { $round } of handling. We will tell you the new result.
notify-resident-closed = Your opinion { $trackingNo } is closed{ $reason ->
    [NOT_EVALUATED] { " " }(the rating window has passed without a rating)
   *[EVALUATED] . Thank you for your rating
}.
notify-resident-evaluation-reminder = Your opinion { $trackingNo } has a result. Please rate it by { $dueAt }.
notify-resident-progress = News on your opinion { $trackingNo }:
    { $text }
notify-resident-late = We are sorry: your opinion { $trackingNo } has passed its deadline. Those handling it have been chased; expect an answer by { $expectedAt }.
notify-follower-update = The case you follow, { $trackingNo } (your opinion { $ownTrackingNo } was merged into it), has news: { $event ->
    [acknowledged] it has been received and is being looked into.
    [answered] it has been answered: { $text }
    [referred] it has been referred to { $agencyEn }, to be handled by { $dueAt }.
    [escalated] it has been taken up as { $to ->
        [PROPOSAL] a representative's proposal
       *[SUPERVISION] a supervision topic
    }.
    [declined] it cannot be taken up and has been closed. Reason: { $reason }
    [merged] it has been merged into { $mainTrackingNo }; please follow that case now.
    [handed-back] it is being passed to the right agency.
    [result] the result: { $text }
    [reopened] it has gone into round { $round } of handling.
    [closed] it is closed.
    [progress] progress: { $text }
    [late] it is past its deadline; expect an answer by { $expectedAt }.
   *[other] its status has changed.
}
notify-agency-referred = New case { $trackingNo } ({ $stationEn }, { $categoryEn }), to be handled by { $dueAt }.
    { $text }
    Note from the liaison officer: { $note }
notify-agency-clarified = The liaison officer adds to case { $trackingNo }:
    { $text }
notify-agency-reopened = The resident was not satisfied with the result of case { $trackingNo }; it is back with you, to be handled by { $dueAt }. The resident rated it: not satisfied. { $reasonGiven ->
    [yes] Their reason: { $comment }
   *[no] They gave no reason.
}
notify-officer-handed-back = { $agencyEn } handed case { $trackingNo } back as not theirs; please route it again. Reason: { $reason }
notify-officer-clarification-requested = { $agencyEn } asks for clarification on case { $trackingNo }:
    { $text }
notify-officer-result-submitted = A result was submitted for case { $trackingNo }; please review it and pass it to the resident:
    { $text }
notify-officer-reopened = The resident was not satisfied with the result of case { $trackingNo }; it is now in its second round. The resident rated it: not satisfied. { $reasonGiven ->
    [yes] Their reason: { $comment }
   *[no] They gave no reason.
}
notify-staff-deadline-reminder = Reminder: half the time for the { $deadline ->
    [ACKNOWLEDGE] acknowledgement
    [ANALYZE] analysis
    [HANDLE] handling
   *[EVALUATE] evaluation
} of case { $trackingNo } has passed; the deadline is { $dueAt }.
notify-staff-deadline-overdue = Overdue: the { $deadline ->
    [ACKNOWLEDGE] acknowledgement
    [ANALYZE] analysis
    [HANDLE] handling
   *[EVALUATE] evaluation
} of case { $trackingNo } { $lateDays ->
    [0] is now overdue
    [one] is 1 working day overdue
   *[other] is { $lateDays } working days overdue
} (deadline { $dueAt }). Please act now; the street admin has been notified.
notify-admin-overdue = Overdue (督办): the { $deadline ->
    [ACKNOWLEDGE] acknowledgement
    [ANALYZE] analysis
    [HANDLE] handling
   *[EVALUATE] evaluation
} of case { $trackingNo } at { $stationEn } { $lateDays ->
    [0] is now overdue
    [one] is 1 working day overdue
   *[other] is { $lateDays } working days overdue
} (deadline { $dueAt }). You can chase or reassign it.
notify-staff-chased = Chased: please act on case { $trackingNo } at { $stationEn } now ({ $deadline ->
    [ACKNOWLEDGE] acknowledgement
    [ANALYZE] analysis
    [HANDLE] handling
   *[EVALUATE] evaluation
} deadline { $dueAt }).
notify-officer-reassigned = Reassigned: case { $trackingNo } at { $stationEn } is now yours. Please act on it soon.

## Workflow errors
error-workflow-opinion-not-found = No opinion with that number was found; please check it.
error-workflow-text-required = Please type some text; it cannot be empty.
error-workflow-text-too-long = That is too long: please keep it within { $max } characters.
error-workflow-classify-empty = Please choose a new category or priority.
error-workflow-category-unknown = That category does not exist or is no longer in use.
error-workflow-agency-unknown = That agency does not exist or is no longer active.
error-workflow-due-in-past = The deadline must be later than now.
error-workflow-merge-target = An opinion can only be merged into another open, unmerged opinion of the same district.
error-workflow-deadline-unknown = This opinion has no such deadline.
error-workflow-reassign-officer = A case can only be reassigned to another liaison officer of its station.
error-workflow-reassign-not-referred = This case is not with an agency, so it cannot go to another agency.

## Start
start-welcome =
    Hello! This is Minyi, the opinion channel: send the problems, opinions and suggestions around you straight to your community's Representatives' Home, Representatives' Station or Liaison Point, and follow how they are handled.
    Please choose your language first:
start-welcome-back = Welcome back! Send /new to submit an opinion, /my to follow yours, /stations to find a station, /help for everything else.
start-welcome-staff = Hello { $name }! This is the minyi staff desk. Your commands:

## Privacy
privacy-notice =
    🔒 Privacy notice
    
    What we store: your Telegram account id, name and language, and the opinions you submit (text, photos, location, and the phone number if you choose to give it).
    Why: to pass your opinion to the liaison officers of the station you choose, and to tell you about progress and the result.
    For how long: { $months } months after your last opinion is closed (and none is still open); then your personal details are erased automatically and the opinions are kept anonymised for statistics.
    Who sees it: the liaison officers of the station you choose; a handling agency sees your contact details only if you agree.
    Your rights: send /mydata to export all your data, /forget to erase your personal details.
    
    Nothing personal is stored until you agree.
privacy-consent-yes = ✅ I agree, continue
privacy-consent-no = I don't agree
privacy-consent-declined = All right, we stored nothing about you. You can still find stations with /stations; when you want to submit an opinion, send /start to read and accept the privacy notice.
privacy-consent-given = ✅ Thank you! You accepted the privacy notice.
privacy-next-steps =
    What you can do now:
    /new submit an opinion or suggestion
    /stations find the stations nearest to you
    /my follow your opinions
    /help everything else
privacy-no-data = We store no personal data about you.
privacy-mydata-caption = Here is all the data we store about you (JSON).
privacy-forget-ask = Erase your personal details? Your name, phone number and account details will be deleted; the opinions you submitted stay, anonymised, for statistics and so that their handling can continue. This cannot be undone.
privacy-forget-yes = 🗑 Yes, erase
privacy-forget-no = Cancel
privacy-forget-kept = All right, nothing was changed.
privacy-forget-done = Your personal details were erased and your opinions anonymised. Send /start to use the service again.
privacy-forget-staff = You are a staff member and your account is bound to your role. Ask an administrator to revoke the role first, then erase your details.

## Stations
stations-not-found = That station was not found; it may have been closed.
stations-none = No stations are available yet.
stations-choose-area = 🗺 Choose your subdistrict or town:
stations-in-region = 📍 { $region }: choose a community or a station
stations-back = « Back
stations-nearby = The stations nearest to you:
stations-distance-m = { $metres } m
stations-distance-km = { $km } km
stations-tier-home = Representatives' Home
stations-tier-station = Representatives' Station
stations-tier-point = Liaison Point
stations-card-reception = • { $when } { $representative } ({ $level ->
        [city] city representative
        [district] district representative
        [town] town representative
       *[other] people's representative
    })
stations-card-tier = Type: { $tier } · { $region }
stations-card-address = Address: { $address }
stations-card-hours = Opening hours: { $hours }
stations-card-phone = Phone: { $phone }
stations-card-officers = Liaison officers: { $officers }
stations-list-separator = {", "}
stations-card-no-officers = none yet
stations-card-receptions = 📅 Reception days in the next two weeks:
stations-card-no-receptions = No reception days in the next two weeks.
stations-opinion-here = ✍️ Send an opinion to this station
stations-share-location = 📍 Share my location
stations-or-share-location = Or tap the button below to share your location and see the five nearest stations.

## Opinion
opinion-consent-first = Before you submit an opinion, please send /start and accept the privacy notice.
opinion-button-not-now = That button isn't for this step; please follow the latest message.
opinion-unsupported = Stickers, voice notes and videos can't be used here. { $hint }
opinion-skip = Skip
opinion-station-confirm = Send it to this station?
    { $station }
opinion-station-keep = ✅ Yes, this station
opinion-station-other = 🔄 Choose another station
opinion-station-confirm-hint = Please tap a button above: keep this station or choose another.
opinion-station-or-location = You can also share your location to see the nearest stations.
opinion-station-hint = Please choose a station in the list above, or share your location with the button below.
opinion-station-chosen = Station: { $station }
opinion-category-ask = What is your opinion about?
opinion-category-hint = Please choose a category with the buttons above.
opinion-category-chosen = Category: { $category }
opinion-text-ask = Please describe your opinion or suggestion in text ({ $min }–{ $max } characters). Saying where, when and what helps it get handled faster.
opinion-text-hint = Please describe your opinion in text.
opinion-text-too-short = That is too short ({ $length } characters). Please write at least { $min } characters so the problem is clear.
opinion-text-too-long = That is too long ({ $length } characters); the limit is { $max }. Please shorten it and send it again.
opinion-photos-ask = You may send photos or voice notes (up to { $max }) to help the officers understand. Tap "Skip" if you have none.
opinion-photos-skip = Skip
opinion-photos-done = ✅ Done
opinion-photos-hint = Please send a photo or a voice note, or tap "Done" / "Skip" to continue.
opinion-photos-full = { $max } attachments received: that is the limit.
opinion-photo-received = Photo { $count } received (up to { $max }). Send more, or tap "Done".
opinion-location-ask = Add a location? Tap "Share my location", or "Skip".
opinion-location-hint = Please share your location with the button below, or tap "Skip".
opinion-location-saved = 📍 Location saved.
opinion-location-skipped = No location added.
opinion-phone-send = 📱 Share my phone number
opinion-phone-ask = Leave your phone number so that the officers can call you? Tap "Share my phone number", or "Skip".
opinion-phone-hint = Please share your phone number with the button below, or tap "Skip".
opinion-phone-not-own = Only your own phone number can be shared. Please tap "Share my phone number".
opinion-phone-saved = 📱 Phone number saved.
opinion-phone-skipped = No phone number left.
opinion-share-ask = If your opinion is referred to a handling agency, may the agency see your name and phone number? (The station's liaison officers always can.)
opinion-share-yes = Yes, they may contact me
opinion-share-no = No, stay anonymous to the agency
opinion-share-hint = Please choose with the buttons above.
opinion-share-chosen-yes = Contact details: may be given to the agency
opinion-share-chosen-no = Contact details: not given to the agency
opinion-summary-title = 📝 Please check your opinion:
opinion-summary-station = Station: { $station }
opinion-summary-category = Category: { $category }
opinion-summary-text = Text: { $text }
opinion-summary-photos = Photos: { $count }
opinion-summary-voices = Voice notes: { $count }
opinion-summary-location = Location: { $location }
opinion-summary-given = given
opinion-summary-none = not given
opinion-summary-phone = Phone: { $phone }
opinion-summary-hint = Please tap "Submit", "Edit" or "Discard".
opinion-confirm = ✅ Submit
opinion-edit = ✏️ Edit
opinion-abandon = 🗑 Discard
opinion-edit-ask = What would you like to change?
opinion-edit-hint = Please choose what to change with the buttons above.
opinion-field-station = Station
opinion-field-category = Category
opinion-field-text = Text
opinion-field-photos = Photos
opinion-field-location = Location
opinion-field-phone = Phone
opinion-back-to-summary = « Back to the summary
opinion-submitted =
    ✅ Submitted! Your tracking number is:
    { $trackingNo }
    A liaison officer will take it up by { $acknowledgeBy }. Send /my at any time to follow it.
opinion-submit-failed = Sorry, your opinion could not be saved just now. Your text is kept; please tap "Submit" again in a moment.
opinion-cancelled = Left the current dialogue. Opinions you already submitted are not affected.
opinion-nothing-to-cancel = There is nothing to cancel.
opinion-rate-limited = You have already submitted { $limit } opinions within the last hour. You can send another from { $time }. Thank you for understanding!
opinion-invalid-input = The opinion is incomplete ({ $detail }); please send /new again.
opinion-category-not-found = That category is no longer in use; please choose another.
opinion-consent-required = Before you submit an opinion, please send /start and accept the privacy notice.
notify-officer-new-opinion =
    🆕 New opinion { $trackingNo }
    Station: { $stationEn }
    Category: { $categoryEn }
    { $excerpt }

## Opinion draft
opinion-draft-exists = You have an opinion you have not submitted yet. Continue it, or start again?
opinion-draft-continue = ▶️ Continue
opinion-draft-restart = 🆕 Start again
opinion-not-saved = Sorry, something went wrong on our side and this step was not saved. Everything you gave before is kept; please answer this step again:
opinion-not-started = Sorry, something went wrong on our side and the opinion could not be started. Please try again in a moment.
opinion-saved-not-shown = Your answer is saved, but a message could not be sent just now. Let's go on from this step:
opinion-submitted-not-shown = Your opinion is submitted, but the receipt could not be sent. Send /my to see its tracking number and progress.
opinion-offer = Submit this text as a new opinion?
opinion-offer-yes = ✅ Submit as a new opinion
opinion-offer-no = No, thanks
opinion-offer-hint = Please tap a button above: submit this text as a new opinion, or not.
opinion-offer-declined = All right, this text was not submitted. Send /new whenever you want to submit an opinion.
opinion-voice-received = 🎤 Voice note received (attachment { $count }, up to { $max }). Send more photos or voice notes, or tap "Done".
opinion-voice-kept = 🎤 Voice note received; it will be attached to your opinion. Please also write a few words in text so the officers can register it.

## My opinions
my-opinions-none = You haven't submitted any opinion yet. Send /new to submit your first.
my-opinions-not-found = That opinion was not found.
my-opinions-title = 📋 Your opinions ({ $total }); tap a number to see its history:
my-opinions-item = { $trackingNo } · { $category } · { $stage } (updated { $updated })
    { $excerpt }
my-opinions-newer = « Newer
my-opinions-older = Older »
my-opinions-back = « Back to the list
my-opinions-station = Station: { $station }
my-opinions-category = Category: { $category }
my-opinions-stage = Stage: { $stage }
my-opinions-text = Text: { $text }
my-opinions-photos = Photos: { $count }
my-opinions-history = 🕓 History:
my-opinions-result = 💬 Answer: { $result }
my-opinions-evaluation = ⭐ Evaluation, round { $round }: { $rating }
my-opinions-stage-collected = Waiting to be taken up
my-opinions-stage-analyzing = Being analysed
my-opinions-stage-handling = Being handled
my-opinions-stage-feedback = Waiting for your evaluation
my-opinions-stage-closed = Closed
my-opinions-event-collected = Opinion submitted
my-opinions-event-acknowledged = Taken up by a liaison officer
my-opinions-event-classified = Classified
my-opinions-event-answered = Answered on the spot by the liaison officer
my-opinions-event-referred = Referred to a handling agency
my-opinions-event-escalated = Turned into a representative's proposal or supervision topic
my-opinions-event-declined = Declined (with a reason)
my-opinions-event-merged = Merged with a case about the same problem
my-opinions-event-handed-back = Handed back by the agency for a new decision
my-opinions-event-progress = Progress reported
my-opinions-event-clarification-requested = The agency asked for more details
my-opinions-event-clarified = Details added
my-opinions-event-result-submitted = The agency reported a result
my-opinions-event-result-delivered = The result was sent to you
my-opinions-event-evaluated = You evaluated the result
my-opinions-event-reopened = Reopened for a second round
my-opinions-event-closed = Closed
my-opinions-event-reminded = Reminder sent to the handlers
my-opinions-event-overdue-escalated = Overdue: escalated to the administrator
my-opinions-rating-satisfied = Satisfied
my-opinions-rating-basically-satisfied = Basically satisfied
my-opinions-rating-dissatisfied = Dissatisfied

## My opinions: status
my-opinions-stage-declined = Declined
my-opinions-stage-merged = Merged (into { $trackingNo })
my-opinions-next-acknowledge = ⏳ Expected to be taken up by { $dueAt }
my-opinions-next-analyze = ⏳ An answer or a referral is expected by { $dueAt }
my-opinions-next-handle = ⏳ Expected to be handled by { $dueAt }
my-opinions-next-evaluate = ⏳ Please evaluate by { $dueAt }
my-opinions-full-text = 📄 Full text
my-opinions-full-text-header = 📄 { $trackingNo }, the whole record

## Help
help-staff = Your commands:
help-text =
    Minyi can help you:
    /new submit an opinion or suggestion (with photos and a location if you like)
    /my follow your opinions
    /stations find Representatives' Homes, Stations and Liaison Points
    /language switch language
    /privacy the privacy notice
    /mydata export your data
    /forget erase your personal details
    /cancel leave the current dialogue

## Commands
commands-new = Submit an opinion or suggestion
commands-my = My opinions and their progress
commands-stations = Find a station
commands-language = Language / 切换语言
commands-privacy = Privacy notice
commands-mydata = Export my data
commands-forget = Erase my personal details
commands-cancel = Leave the current dialogue
commands-help = Help
commands-start = Start

## Report
report-title = { $scope } closure report, { $month }
report-scope-district = District
report-period-month = This month
report-period-previous-month = Previous month
report-period-year-to-date = Year to date
report-dimension-street = Street or town
report-dimension-station = Station
report-dimension-category = Category
report-dimension-agency = Agency
report-dimension-officer = Officer
report-figure-received = Received
report-figure-answered-on-the-spot = Answered on the spot
report-figure-referred = Referred
report-figure-escalated = Escalated
report-figure-closed = Closed
report-figure-closure-rate = Closure rate
report-figure-on-time-rate = On-time rate
report-figure-open = Open at cut-off
report-figure-overdue = Overdue
report-figure-overdue-share = Overdue share
report-figure-response-rate = Response rate
report-figure-satisfaction-first-round = Satisfaction, first round
report-figure-satisfaction-second-round = Satisfaction, second round
report-figure-response-median = Time to first response, median (h)
report-figure-response-p90 = Time to first response, 90th percentile (h)
report-figure-close-median = Time to close, median (h)
report-figure-close-p90 = Time to close, 90th percentile (h)
report-part-numerator = { $figure } (numerator)
report-part-denominator = { $figure } (denominator)
report-column-figure = Figure
report-column-name = Name
report-column-period = Period
report-column-tracking-no = Tracking number
report-column-days-overdue = Days overdue
report-column-size = Opinions
report-column-category = Category
report-column-street = Street or town
report-column-representative = Representative opinion
report-column-stations = Stations
report-column-keywords = Keywords
report-column-proposal-candidate = Proposal candidate
report-sheet-summary = Summary
report-sheet-overdue = Overdue cases
report-sheet-hot-topics = Hot topics
report-yes = yes
report-no = no
report-summary-headline =
    Received { $received }, closed { $closed }
    Closure rate { $closureRate }
    On-time rate { $onTimeRate }
    Response rate { $responseRate }
    Satisfaction: first round { $satisfactionFirst }, second round { $satisfactionSecond }
    Overdue { $overdue }, { $overdueShare } of open cases
report-summary-changes-title = Against last month:
report-summary-change = { $figure }: { $from } → { $to } ({ $delta })
report-summary-points = { $delta } pts
report-summary-no-comparison = no comparison
report-summary-overdue-title = Most overdue cases:
report-summary-overdue-item = { $trackingNo }: { $days } days overdue
report-summary-overdue-none = No overdue cases.
report-summary-hot-topics-title = Hot topics:
report-summary-hot-topic = { $size } opinions · { $category } · { $street }: { $text }
report-summary-hot-topic-candidate = (proposal candidate)
report-summary-hot-topics-none = No recurring issue this month.
report-xlsx-caption = { $scope } closure report, { $month } (spreadsheet)
report-chart-caption = { $scope }, { $month }: closure and first-round satisfaction by street or town
report-chart-title = Closure and first-round satisfaction by street or town · { $month }
report-chart-no-streets = No data for this period
report-error-bad-month = “{ $input }” is not a period. Type a month, a quarter or a year, e.g. /report 2026-10, /report 2026Q3 or /report 2026.
report-error-future-month = There is no report for { $month } yet: choose { $latest } or an earlier month.
report-refused = Sorry, the monthly report is only for district and street or town admins.
report-preparing = Preparing the report for { $month }…
report-preparing-to-date = Preparing the report for { $month } to date (as of { $asOf })…
report-choose = Which period? You can also type it, e.g. /report 2026-10, /report 2026Q3 or /report 2026.
report-choose-month-to-date = This month to date ({ $month })
report-choose-last-month = Last month ({ $month })
report-choose-quarter-to-date = This quarter to date ({ $quarter })
report-choose-last-quarter = Last quarter ({ $quarter })
report-choose-year-to-date = This year to date ({ $year })
report-choose-last-year = Last year ({ $year })
report-preparing-period-to-date = Preparing the report for { $period } to date (as of { $asOf })…
report-xlsx-caption-period = { $scope } closure report, { $period } (spreadsheet)
report-summary-changes-title-period = Against the previous period:
report-summary-hot-topics-none-period = No recurring issue in this period.
report-delivery-text = { $text }
report-title-period = { $scope } closure report, { $period }
report-period-current = This period
report-period-previous = Previous period
report-figure-answered-on-the-spot-share = Answered on the spot, share of received
report-figure-answer-rate = Answer rate
report-figure-solved = Solved
report-figure-solved-rate = Solved rate
report-sheet-proposals = Proposals
report-sheet-proposal-agencies = Proposals by agency
report-dimension-lead-agency = Lead agency
report-proposal-received = Proposals received
report-proposal-closed = Proposals closed
report-proposal-closure-rate = Proposal closure rate
report-proposal-assigned = Assigned
report-proposal-answered = Answered
report-proposal-within-limit = Answered within the legal limit
report-proposal-answer-rate = Proposal answer rate
report-proposal-within-limit-rate = Answered within the legal limit, rate
report-proposal-satisfaction-first = First-evaluation satisfaction
report-proposal-satisfaction-second = Second-evaluation satisfaction
report-proposal-implementation-rate = A-class implementation rate
report-proposal-carried-over-closure-rate = Closure rate, carried over from earlier years
report-proposal-key = Key proposals supervised
report-proposal-co-handled = Co-handled
report-sheet-representatives = Representatives' activity
report-dimension-representative = Representative
report-representative-visits = Receptions at homes and stations
report-representative-leader-receptions = Leaders' reception days
report-representative-residents = Residents received
report-representative-opinions = Opinions collected
report-representative-answered = Answered on the spot
report-representative-referred = Referred
report-sheet-stations = Station network
report-sheet-station-activity = Station activity
report-column-tier = Tier
report-station-tier-home = Representatives' Homes
report-station-tier-station = Representatives' Stations
report-station-tier-point = Liaison Points
report-station-total = Total
report-station-at-cutoff = Open at cut-off
report-station-opened = Opened
report-station-closed = Closed
report-station-little-used = Little-used stations
report-station-opinions = Opinions
report-station-receptions = Receptions
report-station-residents = Residents received
report-summary-opinions-extra =
    Answered on the spot { $onTheSpot }, { $onTheSpotShare } of received
    Answer rate { $answerRate }
    Solved { $solved }, solved rate { $solvedRate }
report-summary-proposals = Proposals: { $received } received, { $assigned } assigned; answer rate { $answerRate }, within the legal limit { $withinLimitRate }; satisfaction at the first evaluation { $first }, at the second { $second }; A-class implementation { $implementation }; carried over closed { $carriedOver }; { $key } key proposals supervised
report-summary-representatives = Representatives: { $visits } receptions at homes and stations, { $leader } leaders' reception days, { $residents } residents received, { $opinions } opinions collected, { $answered } answered on the spot, { $referred } referred
report-summary-stations = Stations: { $total } open at the cut-off ({ $home } homes, { $station } stations, { $point } liaison points), { $opened } opened, { $closed } closed, { $littleUsed } little used
report-error-bad-period = “{ $input }” is not a report period. Use one of: --month 2026-10, --from 2026-01 --to 2026-05, --quarter 2026Q3 or --year 2026.

## Case view
case-header =
    📋 { $trackingNo } · { $stage }{ $round ->
        [1] {""}
       *[other] {" "}(round { $round })
    }
    Station: { $station }
    Category: { $category } · Priority: { $priority }
    Submitted: { $createdAt }
case-stage-collected = waiting to be acknowledged
case-stage-analyzing = being analysed
case-stage-handling = being handled
case-stage-feedback = waiting for evaluation
case-stage-closed = closed
case-priority-low = low
case-priority-normal = normal
case-priority-high = high
case-priority-urgent = urgent
case-attachments = { $count } photo(s) attached
case-contact = Contact: { $name }, phone: { $phone }
case-contact-hidden = The resident did not agree to share contact details with the agency.
case-agency = Handling agency: { $agency }
case-merged-into = Merged as a duplicate into { $trackingNo }
case-duplicates = Duplicates merged into this case: { $list }
case-deadline-acknowledge = Acknowledgement
case-deadline-analyze = Analysis
case-deadline-handle = Handling
case-deadline-evaluate = Evaluation
case-deadline = { $kind } due: { $dueAt }
case-deadline-overdue = ⚠️ { $kind } due: { $dueAt } (overdue)
case-result = Answer / result: { $text }
case-history = History:
case-history-line = { $at } { $event }
case-history-line-note = { $at } { $event }: { $note }
case-event-collected = received
case-event-acknowledged = acknowledged
case-event-classified = classified
case-event-answered = answered on the spot
case-event-referred = referred
case-event-escalated = escalated to a proposal / supervision topic
case-event-declined = declined
case-event-merged = merged as a duplicate
case-event-handed-back = handed back by the agency
case-event-progress = progress
case-event-clarification-requested = the agency asked for clarification
case-event-clarified = the officer clarified
case-event-result-submitted = result submitted
case-event-result-delivered = result delivered to the resident
case-event-evaluated = evaluated by the resident
case-event-reopened = dissatisfied: reopened
case-event-closed = closed
case-event-reminded = deadline reminder
case-event-overdue-escalated = overdue: escalated
case-button-acknowledge = Acknowledge
case-button-classify = Category / priority
case-button-answer = Answer on the spot
case-button-refer = Refer
case-button-escalate = Proposal / supervision
case-button-decline = Decline
case-button-merge = Merge duplicate
case-button-deliver-result = Deliver result
case-button-clarify = Clarify
case-button-progress = Progress
case-button-request-clarification = Ask for clarification
case-button-hand-back = Not ours
case-button-submit-result = Submit result
case-button-refresh = 🔄 Refresh
case-done-acknowledge = { $trackingNo } acknowledged.
case-done-classify = Category and priority of { $trackingNo } updated.
case-done-answer = { $trackingNo } answered: the answer went to the resident with a request to evaluate it.
case-done-refer = { $trackingNo } referred.
case-done-escalate = { $trackingNo } escalated to a proposal / supervision topic.
case-done-decline = { $trackingNo } declined; the resident has been told the reason.
case-done-merge = { $trackingNo } merged as a duplicate; the resident is told and can follow the main case.
case-done-hand-back = { $trackingNo } handed back to the officer for re-routing.
case-done-progress = Progress on { $trackingNo } recorded.
case-done-request-clarification = Clarification on { $trackingNo } requested from the officer.
case-done-clarify = Clarification on { $trackingNo } sent to the agency.
case-done-submit-result = Result of { $trackingNo } submitted.
case-done-deliver-result = Result of { $trackingNo } delivered to the resident.
case-open-timeline = Show progress
case-dialogue-cancelled = Cancelled; nothing was changed.
case-dialogue-text-expected = Please send text, or /cancel.
case-prompt-answer = Type the answer for the resident (/cancel to stop):
case-prompt-decline = Type the reason for declining; the resident will see it (/cancel to stop):
case-prompt-merge = Type the tracking number of the main case, e.g. MY-2611-0001, or choose one of the similar open cases below (/cancel to stop):
case-prompt-hand-back = Explain why this is not for your agency (/cancel to stop):
case-prompt-progress = Type the progress note (/cancel to stop):
case-prompt-progress-for-resident = Type the progress note for the resident; they will receive this text (/cancel to stop):
case-prompt-request-clarification = Type your question for the officer (/cancel to stop):
case-prompt-clarify = Type the clarification for the agency (/cancel to stop):
case-prompt-submit-final = Type the result; it goes to the resident at once (/cancel to stop):
case-prompt-submit-for-review = Type the result; the officer reviews and delivers it (/cancel to stop):

## Case card
case-location = 📍 Location: { $latitude }, { $longitude } · map: { $link }
case-evidence-caption = Photos and files the resident sent with { $trackingNo }
case-button-back = « Back
case-button-full-text = 📄 Full text
case-full-text-header = 📄 { $trackingNo }, full text
case-stale = ⚠️ This card was out of date and has been refreshed; that press did nothing. Please check it and try again.
case-stale-others = ⚠️ Someone else has just acted on this opinion; your action was not carried out. The card has been refreshed: please check it and try again.
case-dialogue-choose = Please press one of the buttons above, or /cancel.
case-dialogue-expired = That step is over; please start again from the case card.
case-preview =
    The resident will receive:

    { $message }
case-preview-send-answer = ✅ Send the answer
case-preview-send-decline = ✅ Decline it
case-preview-send-merge = ✅ Merge
case-preview-edit = ✏️ Change
case-preview-cancel = ✖️ Cancel
case-merge-similar = Similar open cases at this station (press a number to choose):
case-merge-candidate = • { $trackingNo } · { $category }: { $excerpt }
case-merge-preview =
    Merge this case as a duplicate into:
    📋 { $trackingNo } · { $stage }
    Station: { $station }
    Category: { $category }
    Submitted: { $createdAt }

    { $text }

    This case is then closed; the resident is told and follows the main case. Merge?
case-prompt-refer = A note for the agency (optional): type it, or press "No note" (/cancel to stop the referral):
case-refer-no-note = No note, refer now

## Paging
page-counter = (page { $page }/{ $pages })

## Triage
triage-open-case = Open and handle
triage-choose-category = Choose the category:
triage-choose-priority = Choose the priority:
triage-answer-how = Answer on the spot: write your own, or use a saved answer?
triage-answer-write = ✏️ Write my own
triage-choose-agency = Refer to which agency?
triage-choose-deadline = Deadline:
triage-refer-default-deadline = Standard deadline
triage-refer-days = { $days } working days
triage-escalate-how = Escalate to what?
triage-escalate-proposal = Representative proposal
triage-escalate-supervision = Supervision topic
triage-merge-unknown = No opinion has the tracking number { $trackingNo }. Please type it again (/cancel to stop).
triage-progress-how = Should the resident read this progress note?
triage-progress-for-resident = Tell the resident
triage-progress-internal = Internal note only

## Inbox
inbox-not-officer = Only liaison officers have an inbox.
inbox-empty = Nothing is waiting for you.
inbox-header = { $count } opinion(s) waiting for you, oldest first:
inbox-line = { $trackingNo } · { $reason } · { $createdAt }: { $excerpt }
inbox-line-overdue = ⚠️ OVERDUE { $trackingNo } · { $reason } · { $createdAt }: { $excerpt }
inbox-button = { $trackingNo }
inbox-button-overdue = ⚠️ { $trackingNo }
inbox-reason-acknowledge = to acknowledge
inbox-reason-decide = to decide
inbox-reason-clarification = the agency asks for clarification
inbox-reason-review = result to deliver
inbox-reason-escalated = proposal / supervision in progress

## Agency
agency-open-case = Open the referred case
agency-not-handler = Only agency handlers can see referred cases.
agency-cases-empty = Your agency has no open referred cases.
agency-cases-header = { $count } open referred case(s) for your agency, oldest first:
agency-submit-how = Is this the final result, or should the officer review it before the resident is told?
agency-submit-final = Final: tell the resident now
agency-submit-for-review = For the officer's review

## Evaluation
evaluation-satisfied = Satisfied
evaluation-basically-satisfied = Basically satisfied
evaluation-dissatisfied = Dissatisfied
evaluation-thanks-satisfied = Thank you for your evaluation (satisfied)! Opinion { $trackingNo } is closed.
evaluation-thanks-basically-satisfied = Thank you for your evaluation (basically satisfied)! Opinion { $trackingNo } is closed.
evaluation-thanks-dissatisfied-final = Thank you. Opinion { $trackingNo } is closed; your evaluation will be passed on to those responsible.
evaluation-dissatisfied-noted = Your rating is saved: not satisfied.
evaluation-reason-prompt = Please tell us what is wrong: pick a reason below or write it in your own words. Those handling your case will read it.
evaluation-reason-not-solved = The problem is not solved
evaluation-reason-off-topic = The answer missed my point
evaluation-reason-too-slow = It took too long
evaluation-reason-attitude = The staff were unhelpful
evaluation-reason-skip = No reason
evaluation-reason-sent = Thank you; those handling it have been told. Case { $trackingNo } is in its second round; we will ask you again when there is a result.
evaluation-comment-prompt = Anything you would like to add? Write it here, or skip.
evaluation-comment-skip = Skip
evaluation-comment-saved = Your comment has been recorded. Thank you!
evaluation-comment-skipped = All right, thank you!
evaluation-comment-invalid = A comment can be at most { $max } characters; please shorten it, or press Skip.
evaluation-already-done = You have already evaluated this round. Thank you!
evaluation-stale-round = This button belongs to an earlier round and no longer works. Please use the buttons under the latest result.

## Proposals
commands-proposals = Representatives' proposals
proposals-not-staff = /proposals is for representatives, the district admin and handling agencies.
proposals-open = Open the proposal
proposals-stage-awaiting-confirmation = awaiting the representative's confirmation
proposals-stage-submitted = submitted, awaiting assignment
proposals-stage-assigned = assigned, being handled
proposals-stage-answered = answered, awaiting the first evaluation
proposals-stage-implementing = being implemented
proposals-stage-closed = closed
proposals-header = 📑 { $number } { $title }
proposals-stage = Stage: { $stage } (round { $round })
proposals-representative = Representative: { $name }
proposals-key = ⭐ Key proposal, supervised by { $name }
proposals-agencies = Agencies: { $agencies }
proposals-co-suffix = { " " }(co-handling)
proposals-due = Answer due: { $dueAt }
proposals-opinions = From opinions: { $numbers }
proposals-answer = Answer (class { $answerClass }): { $text }
proposals-implemented-at = Implemented: { $at }
proposals-evaluation = { $kind ->
    [FIRST] First evaluation
   *[SECOND] Second evaluation
} (round { $round }): { $rating }
proposals-rating-satisfied = Satisfied
proposals-rating-basically-satisfied = Basically satisfied
proposals-rating-dissatisfied = Dissatisfied
proposals-event-drafted = drafted from an escalated opinion
proposals-event-submitted = submitted
proposals-event-confirmed = confirmed by the representative
proposals-event-assigned = assigned to the agencies
proposals-event-answered = answered
proposals-event-evaluated = evaluated
proposals-event-reopened = sent back to be handled again
proposals-event-key-marked = marked as a key proposal
proposals-event-progress = implementation progress
proposals-event-implemented = implemented
proposals-event-closed = closed
proposals-event-withdrawn = withdrawn
proposals-event-reminded = second evaluation requested
proposals-button-new = ✍️ New proposal
proposals-button-confirm = ✅ Confirm as my proposal
proposals-button-decline = Decline
proposals-button-withdraw = Withdraw
proposals-button-assign = Assign to agencies
proposals-button-mark-key = ⭐ Mark as key proposal
proposals-button-answer = Answer
proposals-button-evaluate-first = Evaluate the answer
proposals-button-progress = Report progress
proposals-button-mark-implemented = Mark implemented
proposals-button-evaluate-second = Evaluate the implementation
proposals-done-confirm = Proposal { $number } confirmed and submitted.
proposals-done-decline = Proposal { $number } declined; the liaison officer has been told.
proposals-done-withdraw = Proposal { $number } withdrawn.
proposals-done-assign = Proposal { $number } assigned.
proposals-done-mark-key = Proposal { $number } marked as a key proposal.
proposals-done-answer = Your answer to proposal { $number } has been sent to the representative.
proposals-done-evaluate-first = Thank you: your evaluation of proposal { $number } has been recorded.
proposals-done-progress = Progress on proposal { $number } recorded.
proposals-done-mark-implemented = Proposal { $number } marked implemented.
proposals-done-evaluate-second = Thank you: your second evaluation of proposal { $number } has been recorded and the proposal is closed.
proposals-list-title = Proposals ({ $total }):
proposals-list-empty = No proposals yet.
proposals-list-item = • { $number } { $title } — { $stage }
proposals-prompt-title = Please type the proposal's title (up to 100 characters). /cancel to stop.
proposals-prompt-text = Please type the proposal's text: the problem, what residents said, what you suggest.
proposals-prompt-opinions = Which opinions does it come from? Type their tracking numbers (e.g. MY-2611-0042), separated by spaces, or "-" for none.
proposals-submitted = Proposal { $number } has been submitted to the district's representative affairs committee.
proposals-prompt-answer-a = Class A (solved, or to be solved this year): please type the answer for the representative.
proposals-prompt-answer-b = Class B (in a plan, step by step): please type the answer and the plan.
proposals-prompt-answer-c = Class C (cannot be solved for now): please type the reason.
proposals-prompt-progress = Please type the implementation progress.
proposals-choose-lead = Choose the lead agency (主办):
proposals-choose-co = Choose the co-handling agencies (协办; several allowed, at most { $max }), then press the button below:
proposals-no-co = No co-handling agency
proposals-co-done = Assign ({ $count } co-handling { $count ->
    [one] agency
   *[other] agencies
})
proposals-co-max = At most { $max } co-handling agencies can be chosen in chat.
proposals-choose-supervisor = Choose the supervising leader:
proposals-choose-class = Choose the class of the answer:
proposals-class-a = A · solved or to be solved this year
proposals-class-b = B · in a plan, step by step
proposals-class-c = C · cannot be solved for now
proposals-rate-first = How do you rate the answer and its handling?
proposals-rate-second = How do you rate the implementation?
my-opinions-proposal = 📑 Taken up in proposal { $number }: { $stage }
error-proposal-not-found = No such proposal was found.
error-proposal-conflict = Someone else has just acted on this proposal, so your action was not carried out. Please look at the latest state and try again.
error-proposal-invalid-transition = This proposal is { $stage ->
    [AWAITING_CONFIRMATION] awaiting the representative's confirmation
    [SUBMITTED] awaiting assignment
    [ASSIGNED] being handled
    [ANSWERED] awaiting the first evaluation
    [IMPLEMENTING] being implemented
    [CLOSED] closed
   *[other] at a stage
}, so this cannot be done now; nothing was changed.
error-proposal-title-required = Please type a title; it cannot be empty.
error-proposal-title-too-long = The title is too long: please keep it within 100 characters.
error-proposal-opinion-taken = One of these opinions already feeds another proposal.
error-proposal-opinion-other-district = One of these opinions belongs to another district and cannot be cited.
error-proposal-no-representative = No representative serves this station; a proposal needs one.
error-proposal-supervisor-unknown = The supervising leader must be a district admin.
notify-proposal-confirm = A liaison officer proposes to turn opinion { $trackingNo } into your proposal { $number } "{ $title }". Please confirm or decline it.
notify-proposal-submitted = New proposal { $number } "{ $title }" awaits review and assignment.
notify-proposal-confirmed = The representative confirmed proposal { $number } "{ $title }".
notify-proposal-declined = The representative declined proposal { $number } "{ $title }". Reason: { $reason }. Please decide again about the opinion.
notify-proposal-withdrawn = Proposal { $number } "{ $title }" was withdrawn. Reason: { $reason }
notify-proposal-assigned = Your proposal { $number } "{ $title }" has been assigned; the answer is due by { $dueAt }.
notify-proposal-agency-assigned = Proposal { $number } "{ $title }" has been assigned to your agency; please answer the representative by { $dueAt }.
notify-proposal-supervise = You supervise the key proposal { $number } "{ $title }".
notify-proposal-key = Proposal { $number } "{ $title }" is a key proposal, supervised by { $supervisor }.
notify-proposal-answered = Your proposal { $number } "{ $title }" has been answered (class { $answerClass }):
    { $text }
    Please evaluate the answer.
notify-proposal-reopened = The representative was not satisfied with the answer to proposal { $number } "{ $title }"; please handle it again and answer by { $dueAt }. The representative says: { $comment }
notify-proposal-evaluated = The representative evaluated the answer to proposal { $number } "{ $title }": { $rating ->
    [SATISFIED] satisfied
    [BASICALLY_SATISFIED] basically satisfied
   *[DISSATISFIED] dissatisfied
}.
notify-proposal-progress = Progress on your proposal { $number } "{ $title }": { $text }
notify-proposal-implemented = Your proposal { $number } "{ $title }" has been implemented.
notify-proposal-closed = The representative gave the second evaluation of proposal { $number } "{ $title }": { $rating ->
    [SATISFIED] satisfied
    [BASICALLY_SATISFIED] basically satisfied
   *[DISSATISFIED] dissatisfied
}. It is closed.
notify-proposal-second-evaluation = It is time for the second evaluation ({ $year }): how was your proposal { $number } "{ $title }" implemented?

## Receptions
commands-reception = Reception days at stations
receptions-not-representative = /reception is for representatives and the district admin.
receptions-days-title = Your reception days:
receptions-days-none = You have no reception day in the next two weeks.
receptions-day = • { $from }–{ $to } { $station }{ $held ->
    [yes] { " " }✔
   *[no] {""}
}
receptions-check-in = Check in: { $station } ({ $at })
receptions-record-visit = 🚶 Record a visit
receptions-leader-day = 主任接待日: check in
receptions-choose-station = Choose the station:
receptions-checked-in = Checked in.
receptions-panel = 🏠 Reception at { $station } since { $since }
    Residents received: { $residents } · opinions recorded: { $opinions }
receptions-panel-leader = 🏛 Leaders' reception day at { $station } since { $since }
    Residents received: { $residents } · opinions recorded: { $opinions }
receptions-resident-plus = +1 resident
receptions-resident-minus = −1
receptions-residents-now = Residents received: { $count }
receptions-record-opinion = 📝 Record an opinion
receptions-check-out = Check out
receptions-checked-out = Checked out: { $residents } residents received. Thank you.
receptions-prompt-opinion = Please type the resident's opinion as they told it. /cancel to stop.
receptions-recorded = Recorded as { $trackingNo }. Answer it on the spot, or leave it to the station's liaison officer?
receptions-answer-now = 💬 Answer on the spot
receptions-hand-to-officer = Leave it to the liaison officer
receptions-handed-to-officer = The station's liaison officer has it in their inbox.
error-reception-day-unknown = That reception day was not found in your calendar.
error-reception-not-today = You can check in only on the day of the reception.
error-reception-day-held = You have already checked in on that reception day.
error-reception-already-open = You are already checked in; please check out first.
error-reception-unknown = That reception was not found.
error-reception-closed = That reception has already ended.
error-reception-count = The number of residents received cannot go below zero.
## Supervision
supervision-chase = Chase
supervision-reassign = Reassign
supervision-chased = { $trackingNo } chased: whoever must act was reminded, and it is in the case history.
supervision-reassign-choose = Reassign { $trackingNo } to:
supervision-reassign-nobody = There is no other officer or agency to reassign { $trackingNo } to.
supervision-to-officer = Officer { $name }
supervision-reassigned = { $trackingNo } reassigned; the new person in charge has been told.

## Staff commands
commands-inbox = Opinions waiting for you
commands-cases = Cases referred to your agency
commands-invite = Invite staff
commands-staff = Manage staff
commands-report = Monthly closure report
