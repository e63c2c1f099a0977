// Child process for the server benchmark: N WebSocket displays on loopback. Each records, for every
// `sample` message, (wall time now − sample.t), where the benchmark stamps sample.t with the wall
// time of emission (ms since the epoch, sub-ms). Sends {latencies, messages} to the parent on 'stop'.
import WebSocket from 'ws';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const latencies = [];
let messages = 0;
let open = 0;
const now = () => performance.timeOrigin + performance.now();
const sockets = [];
for (let i = 0; i < count; i++) {
  const ws = new WebSocket(url);
  sockets.push(ws);
  ws.on('open', () => {
    open++;
    if (open === count) process.send({ type: 'ready' });
  });
  ws.on('message', (data) => {
    messages++;
    const m = JSON.parse(String(data));
    if (m.type === 'sample' && m.sample.bench === true) latencies.push(now() - m.sample.t);
  });
  ws.on('error', (err) => process.send({ type: 'error', message: String(err) }));
}
process.on('message', (m) => {
  if (m.type === 'reset') latencies.length = 0;
  if (m.type === 'stop') {
    process.send({ type: 'result', latencies, messages, open: sockets.filter((s) => s.readyState === WebSocket.OPEN).length });
    for (const s of sockets) s.close();
    setTimeout(() => process.exit(0), 200);
  }
});
