// The model catalog as the upstream publishes it, plus the model check every endpoint shares.
import { catalog } from "../lib/catalog/models";
import { modelNotFound } from "./errors";
import type { Exchange } from "./exchange";
import { requireString, type Body } from "./params";

/** Ids outside the catalog that are still served, for tests: "sim-echo", "sim-fault-500", ... */
const SIM_PREFIX = "sim-";
const SIM_OWNER = "apertis-local-simulator";

interface ModelObject {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

const byId = new Map<string, ModelObject>(
  catalog.map((m) => [m.id, { id: m.id, object: "model", created: m.created, owned_by: m.ownedBy }]),
);
// The list never changes, so it is serialised once.
const listJson = JSON.stringify({ object: "list", data: [...byId.values()] });

export function isKnownModel(id: string): boolean {
  return byId.has(id) || id.startsWith(SIM_PREFIX);
}

/** The body's `model`, which must name a served model (404 model_not_found otherwise). */
export function requireModel(body: Body): string {
  const model = requireString(body, "model");
  if (!isKnownModel(model)) throw modelNotFound(model);
  return model;
}

export function listModels(ex: Exchange): void {
  ex.send(200, "application/json", listJson);
}

export function retrieveModel(ex: Exchange, id: string): void {
  const model = byId.get(id) ?? (id.startsWith(SIM_PREFIX) ? { id, object: "model", created: 0, owned_by: SIM_OWNER } : undefined);
  if (!model) throw modelNotFound(id);
  ex.json(200, model);
}
