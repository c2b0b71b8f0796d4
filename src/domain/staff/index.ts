export * from './directory.js';
export * from './inbox.js';
export * from './invitations.js';
export * from './reply-templates.js';
export * from './scope.js';
