/**
 * /control, for a coach's phone or tablet: start/stop a plan for the room or one rower, end the
 * session, rename a rower and bind an athlete, choose the rowers a wall shows. Off this machine
 * every action needs the access token (entered once, kept in the browser).
 */
import type { DisplayState } from './state.js';
import { ApiFailure, callApi, isLocalPage, saveToken, savedToken } from './api-client.js';
import { esc } from './format.js';

interface PlanInfo {
  id: string;
  name: string;
  reps: number;
  workS: number;
  restS: number;
  warmupS?: number;
  cooldownS?: number;
  builtin: boolean;
}

const pick = (p: PlanInfo) => ({ ...(p.warmupS !== undefined ? { warmupS: p.warmupS } : {}), ...(p.cooldownS !== undefined ? { cooldownS: p.cooldownS } : {}) });

const TEMPLATE = `
<section class="control">
  <h1>ergsprint — room control</h1>
  <section class="token-box">
    <h2>Access token</h2>
    <div class="row"><input id="c-token" type="password" autocomplete="off" placeholder="token printed at start"><button id="c-token-save" type="button">Save token</button></div>
    <div class="hint" id="c-token-hint"></div>
  </section>
  <section>
    <h2>Workout</h2>
    <div class="row"><select id="c-plan" aria-label="plan"></select><select id="c-who" aria-label="rower"></select></div>
    <div class="row"><button id="c-start" class="primary" type="button">Start plan</button><button id="c-stop" type="button">Stop plan</button><button id="c-end" class="danger" type="button">End session</button></div>
  </section>
  <div id="c-msg" class="msg" role="status"></div>
  <section>
    <h2>Rowers</h2>
    <div id="c-rowers"></div>
  </section>
  <section>
    <h2>Wall</h2>
    <div id="c-wall" class="row"></div>
    <div class="row"><a id="c-wall-link" href="/wall">/wall</a></div>
  </section>
  <div class="row"><a href="/">Single view</a><a href="/wall">Wall view</a></div>
</section>`;

export class ControlView {
  private readonly q: <T extends HTMLElement>(id: string) => T;
  private rowerKey = '';
  private readonly wallPick = new Set<string>();
  private readonly plans = new Map<string, PlanInfo>();

  constructor(root: HTMLElement) {
    root.innerHTML = TEMPLATE;
    this.q = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!;
    const token = this.q<HTMLInputElement>('c-token');
    token.value = savedToken();
    this.q('c-token-hint').textContent = isLocalPage() ? 'Not needed on this machine.' : 'Needed for every action from another device.';
    this.q('c-token-save').addEventListener('click', () => {
      saveToken(token.value.trim());
      this.say('Token saved in this browser.', false);
    });
    this.q('c-start').addEventListener('click', () => void this.workout('start'));
    this.q('c-stop').addEventListener('click', () => void this.workout('stop'));
    this.q('c-end').addEventListener('click', () => void this.act(() => callApi('POST', '/api/session/end', this.who() ? { rower: this.who() } : {}), 'Session ended.'));
    void this.loadPlans();
  }

  private who(): string | undefined {
    const v = this.q<HTMLSelectElement>('c-who').value;
    return v === '' ? undefined : v;
  }

  private say(text: string, error: boolean): void {
    const m = this.q('c-msg');
    m.textContent = text;
    m.className = `msg ${error ? 'err' : 'ok'}`;
  }

  private async act(fn: () => Promise<unknown>, ok: string): Promise<void> {
    try {
      await fn();
      this.say(ok, false);
    } catch (err) {
      this.say(err instanceof ApiFailure ? err.message : String(err), true);
    }
  }

  private async loadPlans(): Promise<void> {
    const sel = this.q<HTMLSelectElement>('c-plan');
    try {
      const { plans } = (await callApi('GET', '/api/plans')) as { plans: PlanInfo[] };
      for (const p of plans) this.plans.set(p.id, p);
      sel.innerHTML = plans.map((p) => `<option value="${esc(p.id)}">${esc(p.name)} — ${p.reps} × ${p.workS} s / ${p.restS} s${p.builtin ? '' : ' (saved)'}</option>`).join('');
    } catch (err) {
      this.say(err instanceof ApiFailure ? err.message : String(err), true);
    }
  }

  private async workout(action: 'start' | 'stop'): Promise<void> {
    const rower = this.who();
    const plan = this.q<HTMLSelectElement>('c-plan').value;
    // a saved plan goes as the plan object itself (the server knows only the built-in ones by name)
    const info = this.plans.get(plan);
    const sent = info && !info.builtin ? { name: info.name, reps: info.reps, workS: info.workS, restS: info.restS, ...pick(info) } : plan;
    const body = { action, ...(action === 'start' ? { plan: sent } : {}), ...(rower ? { rower } : {}) };
    await this.act(() => callApi('POST', '/api/workout', body), action === 'start' ? `Started ${plan} for ${rower ?? 'the room'}.` : `Stopped the plan for ${rower ?? 'the room'}.`);
  }

  /** Re-lists the rowers when they change (keeps what is being typed otherwise). */
  render(s: DisplayState): void {
    const rowers = s.snapshot.rowers;
    const key = rowers.map((r) => `${r.id}:${r.name}:${r.athlete ?? ''}`).join('|');
    if (key === this.rowerKey) return;
    this.rowerKey = key;
    const who = this.q<HTMLSelectElement>('c-who');
    const current = who.value;
    who.innerHTML = `<option value="">Whole room</option>${rowers.map((r) => `<option value="${esc(r.id)}">${esc(r.athlete ?? r.name)}</option>`).join('')}`;
    who.value = rowers.some((r) => r.id === current) ? current : '';
    const list = this.q('c-rowers');
    list.innerHTML = rowers.length === 0 ? '<div>No rower has connected yet.</div>' : rowers
      .map(
        (r) => `<div class="rower-row" data-rower="${esc(r.id)}"><div class="who">${esc(r.name)} <small>(${esc(r.id)})</small>${r.athlete ? ` — ${esc(r.athlete)}` : ''}</div>
<div class="row"><input class="c-name" aria-label="display name" placeholder="display name" value="${esc(r.name)}"><input class="c-athlete" aria-label="athlete" placeholder="athlete" value="${esc(r.athlete ?? '')}"><button class="c-save" type="button">Save</button></div></div>`,
      )
      .join('');
    for (const row of list.querySelectorAll<HTMLElement>('.rower-row')) {
      row.querySelector('.c-save')?.addEventListener('click', () => {
        const id = row.dataset.rower ?? '';
        const name = row.querySelector<HTMLInputElement>('.c-name')!.value.trim();
        const athlete = row.querySelector<HTMLInputElement>('.c-athlete')!.value.trim();
        const body = { ...(name ? { name } : {}), ...(athlete ? { athlete } : {}) };
        if (Object.keys(body).length === 0) return this.say('Enter a name or an athlete first.', true);
        void this.act(() => callApi('PUT', `/api/rowers/${encodeURIComponent(id)}`, body), `Saved ${name || id}.`);
      });
    }
    const wall = this.q('c-wall');
    wall.innerHTML = rowers.map((r) => `<label class="check"><input type="checkbox" value="${esc(r.id)}"${this.wallPick.has(r.id) ? ' checked' : ''}> ${esc(r.athlete ?? r.name)}</label>`).join('');
    for (const box of wall.querySelectorAll<HTMLInputElement>('input')) {
      box.addEventListener('change', () => {
        if (box.checked) this.wallPick.add(box.value);
        else this.wallPick.delete(box.value);
        this.wallLink();
      });
    }
    this.wallLink();
  }

  private wallLink(): void {
    const link = this.q<HTMLAnchorElement>('c-wall-link');
    const ids = [...this.wallPick];
    const href = ids.length > 0 ? `/wall?rowers=${ids.map(encodeURIComponent).join(',')}` : '/wall';
    link.href = href;
    link.textContent = `Open this wall: ${href}`;
  }
}
