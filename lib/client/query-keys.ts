// One home for TanStack Query keys. Keys are arrays from general to specific, so a mutation can
// invalidate a whole family (`queryKeys.keys.all`) or one entry (`queryKeys.keys.detail(id)`).

type Filters = Record<string, string | number | boolean | null | undefined>;

export const queryKeys = {
  me: ["me"] as const,
  keys: {
    all: ["keys"] as const,
    list: (filters: Filters = {}) => ["keys", "list", filters] as const,
    detail: (id: string) => ["keys", "detail", id] as const,
  },
  models: {
    all: ["models"] as const,
    list: (filters: Filters = {}) => ["models", "list", filters] as const,
  },
  usage: {
    all: ["usage"] as const,
    summary: (filters: Filters = {}) => ["usage", "summary", filters] as const,
    series: (filters: Filters = {}) => ["usage", "series", filters] as const,
  },
  logs: {
    all: ["logs"] as const,
    list: (filters: Filters = {}) => ["logs", "list", filters] as const,
    detail: (id: string) => ["logs", "detail", id] as const,
  },
  billing: {
    all: ["billing"] as const,
    overview: ["billing", "overview"] as const,
    plans: ["billing", "plans"] as const,
    ledger: (filters: Filters = {}) => ["billing", "ledger", filters] as const,
  },
  admin: {
    all: ["admin"] as const,
    users: (filters: Filters = {}) => ["admin", "users", filters] as const,
    user: (id: string) => ["admin", "user", id] as const,
    prices: ["admin", "prices"] as const,
    plans: ["admin", "plans"] as const,
    codes: (filters: Filters = {}) => ["admin", "codes", filters] as const,
    overview: ["admin", "overview"] as const,
  },
} as const;
