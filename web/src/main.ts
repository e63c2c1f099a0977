/** The display's entry point: picks the view from the URL, follows the feed, renders at most once a frame. */
import type { ServerMessage } from '../../src/server/protocol.js';
import { AudioCues } from './audio-cues.js';
import { DataClock } from './data-clock.js';
import { openFeed } from './feed.js';
import { SingleView } from './single-view.js';
import { SummaryView } from './summary-view.js';
import { applyMessage, emptyState } from './state.js';
import { WallView } from './wall-view.js';
import { keepScreenOn } from './wake-lock.js';

const params = new URLSearchParams(location.search);
const wall = params.get('view') === 'wall' || location.pathname.replace(/\/$/, '').endsWith('/wall');
if (params.has('kiosk')) document.documentElement.classList.add('kiosk');

const state = emptyState();
const dataClock = new DataClock();
const cues = new AudioCues();
const main = document.getElementById('main')!;
const liveRoot = document.createElement('div');
const summaryRoot = document.createElement('div');
liveRoot.className = 'view-root';
summaryRoot.className = 'view-root';
main.append(liveRoot, summaryRoot);
const single = wall ? undefined : new SingleView(liveRoot);
const wallView = wall ? new WallView(liveRoot) : undefined;
const summary = new SummaryView(summaryRoot);
document.body.classList.add(wall ? 'mode-wall' : 'mode-single');

const banner = document.getElementById('banner')!;
const status = document.getElementById('status')!;
const soundBtn = document.getElementById('sound') as HTMLButtonElement;
const switchLink = document.getElementById('switch') as HTMLAnchorElement;
switchLink.href = wall ? '/' : '/wall';
switchLink.textContent = wall ? 'Single view' : 'Wall view';
// the history link shows only when this server keeps a history (GET /api/history answers)
if (!wall) {
  fetch('/api/history?limit=1')
    .then((res) => {
      (document.getElementById('history-link') as HTMLAnchorElement).hidden = !res.ok;
    })
    .catch(() => undefined);
}
soundBtn.addEventListener('click', () => {
  const on = cues.toggle();
  soundBtn.textContent = on ? 'Sound on' : 'Sound off';
  soundBtn.setAttribute('aria-pressed', String(on));
});

let dirty = true;
let lastPhase = '';

function render(): void {
  dirty = false;
  const nowT = dataClock.now(performance.now());
  banner.hidden = state.banner === undefined;
  banner.textContent = state.banner ?? '';
  document.body.classList.toggle('has-banner', state.banner !== undefined);
  status.hidden = state.online;
  let phase = 'idle';
  if (single) {
    const wanted = params.get('rower');
    const r = state.snapshot.rowers.find((x) => x.id === wanted) ?? state.snapshot.rowers[0];
    const showSummary = r?.summary !== undefined && r.phase?.kind !== 'work';
    liveRoot.hidden = showSummary;
    summaryRoot.hidden = !showSummary;
    if (showSummary && r) summary.render(state, r);
    phase = single.render(state, r, nowT);
    if (r?.plan?.phaseEndsAt !== undefined && r.plan.phase !== 'work') cues.countdown(r.id, (r.plan.phaseEndsAt - nowT) / 1000);
    if (showSummary) phase = 'summary';
  } else if (wallView) {
    summaryRoot.hidden = true;
    const room = wallView.render(state, nowT);
    if (room?.countdownS !== undefined && room.phase !== 'work') cues.countdown('room', room.countdownS);
    phase = room?.phase ?? 'wall';
  }
  if (lastPhase === 'work' && phase !== 'work') cues.sprintEnd();
  lastPhase = phase;
  document.body.dataset.phase = phase;
}

function onMessage(msg: ServerMessage): void {
  const t = applyMessage(state, msg);
  const wallNow = performance.now();
  if (msg.type === 'hello') dataClock.reset(t ?? 0, wallNow);
  else if (t !== undefined) dataClock.observe(t, wallNow);
  if (!dirty) {
    dirty = true;
    requestAnimationFrame(render);
  }
}

openFeed(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`, {
  message: onMessage,
  online: (up) => {
    state.online = up;
    dirty = true;
    requestAnimationFrame(render);
  },
});
// clocks tick between messages
setInterval(() => {
  if (!dirty) render();
}, 200);
keepScreenOn();
