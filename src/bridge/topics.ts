/**
 * The MQTT topic layout (README "Gym with several hubs": the contract). Every topic sits under
 * `ergsprint/v1/`; hub ids and rower ids are slugs (`[a-z0-9-]`, BLE `:` → `-`) so they are
 * single topic levels with no wildcard characters.
 */
export const TOPIC_ROOT = 'ergsprint/v1';

/** A hub id or rower id as one topic level: lowercase, `[a-z0-9-]`, at most 64 characters. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Turn a BLE id or name into a slug (`E7:51:00` → `e7-51-00`). */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'x';
}

export const topics = {
  state: (hub: string): string => `${TOPIC_ROOT}/hub/${hub}/state`,
  frames: (hub: string): string => `${TOPIC_ROOT}/hub/${hub}/frames`,
  replayRequest: (hub: string): string => `${TOPIC_ROOT}/hub/${hub}/replay/request`,
  replayResponse: (hub: string): string => `${TOPIC_ROOT}/hub/${hub}/replay/response`,
  availability: (hub: string, rower: string): string => `${TOPIC_ROOT}/rower/${hub}/${rower}/availability`,
  info: (hub: string, rower: string): string => `${TOPIC_ROOT}/rower/${hub}/${rower}/info`,
};

/** What the central subscribes to (QoS 1). */
export const CENTRAL_SUBSCRIPTIONS = [
  `${TOPIC_ROOT}/hub/+/state`,
  `${TOPIC_ROOT}/hub/+/frames`,
  `${TOPIC_ROOT}/hub/+/replay/response`,
  `${TOPIC_ROOT}/rower/+/+/info`,
];

export type ParsedTopic =
  | { kind: 'state' | 'frames' | 'replay-request' | 'replay-response'; hub: string }
  | { kind: 'availability' | 'info'; hub: string; rower: string };

/** Which of our topics `topic` is, or null for anything else (ignored). */
export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  if (parts[0] !== 'ergsprint' || parts[1] !== 'v1') return null;
  const [, , what, a, b, c] = parts;
  if (what === 'hub' && a && SLUG.test(a)) {
    if (parts.length === 5 && b === 'state') return { kind: 'state', hub: a };
    if (parts.length === 5 && b === 'frames') return { kind: 'frames', hub: a };
    if (parts.length === 6 && b === 'replay' && c === 'request') return { kind: 'replay-request', hub: a };
    if (parts.length === 6 && b === 'replay' && c === 'response') return { kind: 'replay-response', hub: a };
  }
  if (what === 'rower' && parts.length === 6 && a && b && SLUG.test(a) && SLUG.test(b)) {
    if (c === 'availability') return { kind: 'availability', hub: a, rower: b };
    if (c === 'info') return { kind: 'info', hub: a, rower: b };
  }
  return null;
}
