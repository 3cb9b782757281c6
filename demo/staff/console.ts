import '../../src/index.ts';
import '../../src/staff-elements.ts';

// Demo only: the hall's simulator plays residents and staff at every window; a staffed window is worked from this
// page instead. The switch pauses or resumes the simulator for the hall, with a hall-admin token from the reference
// server's development issuer (never available in production).
const hall = document.querySelector('zw-config')?.getAttribute('hall') ?? 'guangan-zwzx';
const control = document.querySelector<HTMLButtonElement>('#simulator')!;
const said = document.querySelector<HTMLElement>('#simulator-state')!;
let token: string | undefined;

async function admin(): Promise<string> {
  if (token) return token;
  const r = await fetch('/api/v1/dev-issuer/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles: ['hall-admin'], halls: [hall], name: '演示管理员' }),
  });
  token = ((await r.json()) as { access_token: string }).access_token;
  return token;
}

async function simulator(action?: 'pause' | 'resume'): Promise<void> {
  const r = await fetch(`/api/v1/staff/halls/${hall}/simulator`, {
    method: action ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${await admin()}`, 'Content-Type': 'application/json' },
    body: action ? JSON.stringify({ action }) : undefined,
  });
  const { running } = (await r.json()) as { running: boolean };
  said.textContent = running ? '模拟大厅：模拟器正在为各窗口叫号。' : '人工值守：模拟器已暂停，由工作台叫号。';
  control.textContent = running ? '改为人工值守（暂停模拟器）' : '改为模拟大厅（恢复模拟器）';
  control.dataset.running = String(running);
}

control.addEventListener('click', () => void simulator(control.dataset.running === 'true' ? 'pause' : 'resume'));
void simulator().catch(() => (said.textContent = '演示服务器未提供模拟器控制。'));
