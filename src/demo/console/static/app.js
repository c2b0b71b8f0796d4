// Demo console: renders the emulator's chats and acts as the selected persona.
// Bot text is rendered from Telegram entities into DOM nodes (never innerHTML),
// so whatever the bot sends cannot inject markup into this page.

const $ = (selector) => document.querySelector(selector);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

let state = null;
let selectedId = new URLSearchParams(location.search).get('persona') || localStorage.getItem('minyi-demo-persona');
const seenBotMessages = JSON.parse(localStorage.getItem('minyi-demo-seen') || '{}');
const typingUntil = {};

// ------------------------------------------------------------------ API

async function post(path, body) {
  const init = { method: 'POST' };
  if (body instanceof FormData) init.body = body;
  else {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  const response = await fetch(path, init);
  const json = await response.json().catch(() => ({ ok: false, error: response.statusText }));
  if (!json.ok) {
    showToast(`操作失败 failed: ${json.error}`, { error: true });
    throw new Error(json.error);
  }
  return json.result;
}

const act = (action, body) => post(`/api/personas/${encodeURIComponent(selectedId)}/${action}`, body);

let refreshTimer = null;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 30);
}

async function refresh() {
  const response = await fetch('/api/state');
  state = await response.json();
  if (!state.personas.some((p) => p.persona.id === selectedId)) selectedId = state.personas[0]?.persona.id;
  render();
}

function connectEvents() {
  const source = new EventSource('/api/events');
  source.onopen = () => {
    $('#connection').textContent = '已连接 connected';
    $('#connection').classList.remove('offline');
    refresh();
  };
  source.onerror = () => {
    $('#connection').textContent = '已断开 disconnected';
    $('#connection').classList.add('offline');
  };
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    switch (event.type) {
      case 'toast':
        showToast(event.text || event.url, { alert: event.showAlert, persona: event.personaId });
        break;
      case 'chat_action':
        typingUntil[event.personaId] = Date.now() + 5000;
        renderStatus();
        setTimeout(renderStatus, 5100);
        break;
      case 'time':
        if (!state) break;
        state.now = event.now;
        renderTime();
        break;
      default:
        if (event.type === 'message' && event.entry.sender === 'bot') typingUntil[event.personaId] = 0;
        scheduleRefresh();
    }
  };
}

// ------------------------------------------------------------------ rendering

const current = () => state.personas.find((p) => p.persona.id === selectedId);
const botMessageCount = (chat) => chat.messages.filter((m) => m.sender === 'bot').length;

function render() {
  if (!state) return;
  document.title = state.title;
  const chat = current();
  if (chat) {
    seenBotMessages[selectedId] = botMessageCount(chat);
    localStorage.setItem('minyi-demo-seen', JSON.stringify(seenBotMessages));
    localStorage.setItem('minyi-demo-persona', selectedId);
  }
  renderPersonas();
  renderTime();
  renderStatus();
  renderMessages(chat);
  renderReplyKeyboard(chat);
  renderCommandMenu(chat);
}

/**
 * Replaces a container's children only when what they show has changed: every delivery, to
 * any chat, refreshes the whole state, and rebuilding unchanged buttons under the pointer
 * would lose a click pressed meanwhile. Returns whether it rebuilt them.
 */
function renderIfChanged(container, shown, build) {
  const key = JSON.stringify(shown);
  if (container.renderedFrom === key) return false;
  container.renderedFrom = key;
  container.replaceChildren(...build());
  return true;
}

function renderPersonas() {
  const unreadOf = (persona, chat) => Math.max(0, botMessageCount(chat) - (seenBotMessages[persona.id] ?? 0));
  const shown = [selectedId, state.personas.map(({ persona, ...chat }) => [persona, unreadOf(persona, chat)])];
  renderIfChanged($('#personas'), shown, () =>
    state.personas.map(({ persona, ...chat }) => {
      const unread = unreadOf(persona, chat);
      return el(
        'button',
        {
          type: 'button',
          class: `persona${persona.id === selectedId ? ' active' : ''}`,
          'data-testid': `persona-${persona.id}`,
          'aria-pressed': persona.id === selectedId ? 'true' : 'false',
          onclick: () => {
            selectedId = persona.id;
            closeCommandMenu();
            render();
            $('#message-input').focus();
          },
        },
        el('span', { class: 'avatar', text: persona.firstName.slice(0, 1) }),
        el(
          'span',
          { class: 'persona-text' },
          el('span', { class: 'persona-name', text: [persona.firstName, persona.lastName].filter(Boolean).join(' ') }),
          el('span', { class: 'persona-role', text: `${persona.role} · ${persona.languageCode}` }),
        ),
        unread > 0 ? el('span', { class: 'unread', 'data-testid': `unread-${persona.id}`, text: String(unread) }) : null,
      );
    }),
  );
}

function renderTime() {
  const now = new Date(state.now);
  $('#sim-time').textContent = `${formatDay(now)} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
  $('#sim-time').dataset.iso = state.now;
  for (const id of ['#advance-day', '#advance-hour']) $(id).disabled = !state.canAdvanceTime;
}

const pad = (n) => String(n).padStart(2, '0');
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const formatDay = (date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${WEEKDAYS[date.getDay()]}`;

function renderStatus() {
  if (!state) return;
  const chat = current();
  $('#chat-title').textContent = chat
    ? `${chat.persona.firstName} ↔ ${state.bot.firstName} (@${state.bot.username})`
    : '—';
  const typing = chat && (typingUntil[chat.persona.id] ?? 0) > Date.now();
  $('#chat-status').textContent = typing ? '正在输入… typing' : 'bot';
}

function renderMessages(chat) {
  const container = $('#messages');
  const stickToBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  const rebuilt = renderIfChanged(container, [selectedId, chat?.messages ?? []], () => {
    // Day separators make simulated time jumps ("+1 工作日") visible in the chat.
    const nodes = [];
    let lastDay = null;
    for (const entry of chat ? chat.messages : []) {
      const day = formatDay(new Date(entry.message.date * 1000));
      if (day !== lastDay) nodes.push(el('div', { class: 'day-separator', 'data-testid': 'day-separator', text: day }));
      lastDay = day;
      nodes.push(renderMessage(entry));
    }
    return nodes;
  });
  if (!rebuilt) return;
  if (stickToBottom || container.dataset.persona !== selectedId) container.scrollTop = container.scrollHeight;
  container.dataset.persona = selectedId ?? '';
}

function renderMessage(entry) {
  const message = entry.message;
  const bubble = el('div', {
    class: `bubble ${entry.sender}`,
    'data-testid': 'message',
    dataset: { messageId: String(message.message_id), sender: entry.sender },
  });
  if (message.photo) {
    const largest = message.photo[message.photo.length - 1];
    bubble.append(el('img', { class: 'photo', src: `/api/files/${encodeURIComponent(largest.file_id)}`, alt: '照片 photo', 'data-testid': 'photo' }));
  }
  if (message.document) {
    bubble.append(
      el(
        'a',
        {
          class: 'document',
          href: `/api/files/${encodeURIComponent(message.document.file_id)}?download=1`,
          download: message.document.file_name || 'file',
          'data-testid': 'document-link',
        },
        el('span', { class: 'doc-icon', text: (/\.([a-z0-9]{1,4})$/i.exec(message.document.file_name || '')?.[1] || 'file').toUpperCase() }),
        el('span', { text: `${message.document.file_name || 'file'} (${formatSize(message.document.file_size)})` }),
      ),
    );
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    bubble.append(el('div', { class: 'location', 'data-testid': 'location', text: `位置 ${latitude.toFixed(5)}, ${longitude.toFixed(5)}` }));
  }
  if (message.contact) {
    bubble.append(el('div', { class: 'contact', 'data-testid': 'contact', text: `联系人 ${message.contact.first_name} ${message.contact.phone_number}` }));
  }
  if (message.sticker) bubble.append(el('div', { class: 'sticker', text: message.sticker.emoji || '🖼️' }));
  const text = message.text ?? message.caption;
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  if (text) bubble.append(el('div', { class: 'text', 'data-testid': 'message-text' }, renderEntities(text, entities || [])));
  bubble.append(
    el(
      'div',
      { class: 'meta' },
      entry.edited ? el('span', { class: 'edited', 'data-testid': 'edited-mark', text: '已编辑 edited' }) : null,
      el('span', { text: formatTime(message.edit_date ?? message.date) }),
    ),
  );
  const keyboard = message.reply_markup?.inline_keyboard;
  const wrapper = el('div', { class: `row ${entry.sender}` }, bubble);
  if (keyboard) wrapper.append(renderInlineKeyboard(message, keyboard));
  return wrapper;
}

function renderInlineKeyboard(message, rows) {
  return el(
    'div',
    { class: 'inline-keyboard', 'data-testid': 'inline-keyboard' },
    ...rows.map((row) =>
      el(
        'div',
        { class: 'kb-row' },
        ...row.map((button) => {
          if (button.url) {
            const href = safeHref(button.url);
            return el('a', { class: 'inline-btn', 'data-testid': 'inline-btn', href, target: '_blank', rel: 'noopener noreferrer', text: `${button.text} ↗` });
          }
          return el('button', {
            type: 'button',
            class: 'inline-btn',
            'data-testid': 'inline-btn',
            disabled: button.callback_data === undefined,
            title: button.callback_data,
            text: button.text,
            onclick: () => act('callback', { messageId: message.message_id, data: button.callback_data }),
          });
        }),
      ),
    ),
  );
}

function renderReplyKeyboard(chat) {
  const area = $('#reply-keyboard');
  const keyboard = chat?.input.replyKeyboard;
  $('#message-input').placeholder =
    chat?.input.forceReplyPlaceholder || keyboard?.input_field_placeholder || '输入消息… message';
  if (!keyboard) {
    area.hidden = true;
    area.replaceChildren();
    return;
  }
  area.hidden = false;
  area.replaceChildren(
    ...keyboard.keyboard.map((row) =>
      el(
        'div',
        { class: 'kb-row' },
        ...row.map((button) =>
          el('button', {
            type: 'button',
            'data-testid': 'reply-btn',
            class: `reply-btn${button.request_contact ? ' request-contact' : ''}${button.request_location ? ' request-location' : ''}`,
            title: button.request_contact ? '分享手机号 share contact' : button.request_location ? '分享位置 share location' : undefined,
            text: button.text,
            onclick: () => {
              if (button.request_contact) {
                if (confirm('与机器人分享你的手机号？ Share your phone number with the bot?')) act('contact');
              } else if (button.request_location) openLocationPicker();
              else act('text', { text: button.text });
            },
          }),
        ),
      ),
    ),
  );
}

function renderCommandMenu(chat) {
  const menu = $('#command-menu');
  const commands = chat?.commands ?? [];
  const button = chat?.menuButton;
  $('#menu-button').textContent = button?.type === 'web_app' ? button.text : '/ 菜单';
  menu.replaceChildren(
    commands.length === 0
      ? el('div', { class: 'empty', text: '机器人未设置命令 no commands set for this language' })
      : el(
          'ul',
          {},
          ...commands.map((command) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  class: 'command-item',
                  'data-testid': 'command-item',
                  onclick: () => {
                    closeCommandMenu();
                    act('text', { text: `/${command.command}` });
                  },
                },
                el('span', { class: 'command', text: `/${command.command}` }),
                el('span', { class: 'description', text: command.description }),
              ),
            ),
          ),
        ),
  );
}

const closeCommandMenu = () => ($('#command-menu').hidden = true);

// Entities → DOM. Offsets are UTF-16 code units, like JavaScript strings.
function renderEntities(text, entities) {
  const sorted = entities
    .filter((e) => e.length > 0)
    .map((e) => ({ ...e, end: e.offset + e.length }))
    .sort((a, b) => a.offset - b.offset || b.end - a.end);
  return build(text, 0, text.length, sorted);
}

function build(text, start, end, entities) {
  const fragment = document.createDocumentFragment();
  let position = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const entityStart = Math.max(entity.offset, position);
    const entityEnd = Math.min(entity.end, end);
    i++;
    if (entityStart >= entityEnd) continue;
    if (entityStart > position) fragment.append(text.slice(position, entityStart));
    const children = [];
    while (i < entities.length && entities[i].offset < entityEnd) children.push(entities[i++]);
    const node = elementForEntity(entity, text.slice(entityStart, entityEnd));
    node.append(build(text, entityStart, entityEnd, children));
    fragment.append(node);
    position = entityEnd;
  }
  if (position < end) fragment.append(text.slice(position, end));
  return fragment;
}

function elementForEntity(entity, content) {
  switch (entity.type) {
    case 'bold':
      return el('b');
    case 'italic':
      return el('i');
    case 'underline':
      return el('u');
    case 'strikethrough':
      return el('s');
    case 'code':
      return el('code');
    case 'pre':
      return el('pre', { dataset: entity.language ? { language: entity.language } : {} });
    case 'blockquote':
    case 'expandable_blockquote':
      return el('blockquote', { class: entity.type });
    case 'spoiler': {
      const node = el('span', { class: 'spoiler', title: '点击显示 click to reveal' });
      node.addEventListener('click', () => node.classList.add('revealed'));
      return node;
    }
    case 'text_link':
    case 'url': {
      const href = safeHref(entity.type === 'url' ? content : entity.url);
      return href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }) : el('span', { class: 'bad-link' });
    }
    case 'bot_command':
      return el('span', { class: 'bot-command', onclick: () => act('text', { text: content }) });
    default:
      return el('span', { class: `entity-${entity.type}` });
  }
}

function safeHref(raw) {
  try {
    const url = new URL(raw);
    return ['http:', 'https:', 'tg:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const formatTime = (unix) => new Date(unix * 1000).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' });
const formatSize = (bytes = 0) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

function showToast(text, { alert = false, error = false, persona } = {}) {
  const who = persona && persona !== selectedId ? `[${persona}] ` : '';
  const toast = el('div', { class: `toast${alert ? ' alert' : ''}${error ? ' error' : ''}`, 'data-testid': 'toast', role: 'status', text: who + text });
  if (alert) toast.append(el('button', { type: 'button', text: '确定 OK', onclick: () => toast.remove() }));
  $('#toasts').append(toast);
  if (!alert) setTimeout(() => toast.remove(), 3500);
}

// ------------------------------------------------------------------ location picker

function openLocationPicker() {
  const places = $('#places');
  places.replaceChildren(
    ...state.places.map((place) =>
      el('button', {
        type: 'button',
        class: 'place',
        'data-testid': 'place-option',
        text: place.name,
        onclick: () => sendLocation(place.latitude, place.longitude),
      }),
    ),
  );
  $('#location-error').textContent = '';
  $('#location-picker').hidden = false;
}

async function sendLocation(latitude, longitude) {
  await act('location', { latitude, longitude });
  $('#location-picker').hidden = true;
}

$('#location-send').addEventListener('click', () => {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[,，]\s*(-?\d+(?:\.\d+)?)\s*$/.exec($('#location-input').value);
  const latitude = match && Number(match[1]);
  const longitude = match && Number(match[2]);
  if (!match || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    $('#location-error').textContent = '格式：纬度,经度 format: lat,lon';
    return;
  }
  sendLocation(latitude, longitude);
});
$('#location-cancel').addEventListener('click', () => ($('#location-picker').hidden = true));
$('#location-button').addEventListener('click', openLocationPicker);

// ------------------------------------------------------------------ composer

$('#composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('#message-input');
  const text = input.value;
  if (!text.trim() || !selectedId) return;
  input.value = '';
  await act('text', { text });
});
$('#menu-button').addEventListener('click', () => {
  const menu = $('#command-menu');
  menu.hidden = !menu.hidden;
});
$('#sticker-button').addEventListener('click', () => act('sticker'));
$('#photo-input').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const form = new FormData();
  form.append('photo', file, file.name);
  const caption = $('#message-input').value.trim();
  if (caption) form.append('caption', caption);
  $('#message-input').value = '';
  event.target.value = '';
  await act('photo', form);
});
$('#advance-day').addEventListener('click', () => post('/api/time/advance', { workingDays: 1 }));
$('#advance-hour').addEventListener('click', () => post('/api/time/advance', { hours: 1 }));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    closeCommandMenu();
    $('#location-picker').hidden = true;
  }
});

connectEvents();
refresh();
