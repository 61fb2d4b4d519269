// Key limits shared by the server verbs (lib/keys) and the keys page; a plain module, no server-only.
export const MAX_ACTIVE_KEYS = 50;
