// The technicians of a shop by id (names for cards and the assign list), read once per shop.
import { api } from '../api.js';

const cache = new Map();

/** A Map of user id → name; empty when the caller may not list them. */
export function technicianNames(shopId) {
  if (!cache.has(shopId)) {
    cache.set(shopId, api.get(`/shops/${shopId}/technicians`)
      .then(({ data }) => new Map(data.items.map((t) => [t.id, t.name])))
      .catch(() => { cache.delete(shopId); return new Map(); }));
  }
  return cache.get(shopId);
}
