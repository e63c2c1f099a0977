/** The display's entry point: picks the view from the URL, follows the feed, renders at most once a frame. */
import type { ServerMessage } from '../../src/server/protocol.js';
import { AudioCues } from './audio-cues.js';
import { ControlView } from './control-view.js';
import { DataClock } from './data-clock.js';
import { openFeed } from './feed.js';
import { SingleView } from './single-view.js';
import { SummaryView } from './summary-view.js';
import { applyMessage, emptyState } from './state.js';
import { WallView } from './wall-view.js';
import { keepScreenOn } from './wake-lock.js';

const params = new URLSearchParams(location.search);
const path = location.pathname.replace(/\/$/, '');
const mode = path.endsWith('/control') ? 'control' : params.get('view') === 'wall' || path.endsWith('/wall') ? 'wall' : 'single';
const kiosk = params.has('kiosk');
if (kiosk) document.documentElement.classList.add('kiosk');
if (mode === 'control') document.documentElement.classList.add('control-page');

const state = emptyState();
const dataClock = new DataClock();
const cues = new AudioCues();
const main = document.getElementById('main')!;
const liveRoot = document.createElement('div');
const summaryRoot = document.createElement('div');
liveRoot.className = 'view-root';
summaryRoot.className = 'view-root summary-root';
summaryRoot.hidden = true;
main.append(liveRoot, summaryRoot);
const pageParam = Number(params.get('page'));
const single = mode === 'single' ? new SingleView(liveRoot) : undefined;
const wallView =
  mode === 'wall'
    ? new WallView(liveRoot, {
        links: !kiosk,
        bar: document.getElementById('bar')!,
        ...(params.get('rowers') ? { rowers: params.get('rowers')!.split(',').map((s) => s.trim()).filter((s) => s !== '') } : {}),
        ...(Number.isInteger(pageParam) && pageParam >= 1 ? { page: pageParam } : {}),
      })
    : undefined;
const control = mode === 'control' ? new ControlView(liveRoot) : undefined;
const summary = new SummaryView(summaryRoot);
document.body.classList.add(`mode-${mode}`);

const banner = document.getElementById('banner')!;
const offlineTitle = document.querySelector<HTMLElement>('.offline-title')!;
const soundBtn = document.getElementById('sound') as HTMLButtonElement;
const switchLink = document.getElementById('switch') as HTMLAnchorElement;
switchLink.href = mode === 'wall' ? '/' : '/wall';
switchLink.textContent = mode === 'wall' ? 'Single view' : 'Wall view';
if (mode === 'control') {
  soundBtn.hidden = true;
  document.getElementById('control-link')!.hidden = true;
}
// the history link shows only when this server keeps a history (GET /api/history answers)
if (mode === 'single') {
  fetch('/api/history?limit=1')
    .then((res) => {
      (document.getElementById('history-link') as HTMLAnchorElement).hidden = !res.ok;
    })
    .catch(() => undefined);
}
soundBtn.addEventListener('click', () => {
  const on = cues.toggle();
  soundBtn.querySelector('.txt')!.textContent = on ? 'Sound on' : 'Sound off';
  soundBtn.setAttribute('aria-pressed', String(on));
});

let dirty = true;
let lastPhase = '';
let everOnline = false;

function render(): void {
  dirty = false;
  const wallMs = performance.now();
  const nowT = dataClock.now(wallMs);
  banner.hidden = state.banner === undefined;
  banner.textContent = state.banner ?? '';
  document.body.classList.toggle('has-banner', state.banner !== undefined);
  document.body.classList.toggle('online', state.online);
  offlineTitle.textContent = everOnline ? 'Reconnecting…' : 'Connecting…';
  let phase = 'idle';
  if (single) {
    const wanted = params.get('rower');
    const r = state.snapshot.rowers.find((x) => x.id === wanted) ?? state.snapshot.rowers[0];
    const showSummary = r?.summary !== undefined && r.phase?.kind !== 'work';
    liveRoot.hidden = showSummary;
    summaryRoot.hidden = !showSummary;
    if (showSummary && r) summary.render(state, r);
    else phase = single.render(state, r, nowT);
    if (r?.plan?.phaseEndsAt !== undefined && r.plan.phase !== 'work') cues.countdown(r.id, (r.plan.phaseEndsAt - nowT) / 1000);
    if (showSummary) phase = 'summary';
  } else if (wallView) {
    const room = wallView.render(state, nowT, wallMs);
    if (room?.countdownS !== undefined && room.phase !== 'work') cues.countdown('room', room.countdownS);
    phase = room?.phase ?? 'wall';
  } else if (control) {
    control.render(state);
    phase = 'control';
  }
  if (lastPhase === 'work' && phase !== 'work') cues.sprintEnd();
  lastPhase = phase;
  document.body.dataset.phase = phase;
}

function schedule(): void {
  if (!dirty) {
    dirty = true;
    requestAnimationFrame(render);
  }
}

function onMessage(msg: ServerMessage): void {
  const t = applyMessage(state, msg);
  const wallNow = performance.now();
  if (msg.type === 'hello') dataClock.reset(t ?? 0, wallNow);
  else if (t !== undefined) dataClock.observe(t, wallNow);
  schedule();
}

openFeed(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`, {
  message: onMessage,
  online: (up) => {
    state.online = up;
    if (up) everOnline = true;
    dirty = false;
    schedule();
  },
});
// clocks tick between messages; a resize re-lays out and re-fits
setInterval(() => {
  if (!dirty) render();
}, 200);
addEventListener('resize', schedule);
if (mode !== 'control') keepScreenOn();
