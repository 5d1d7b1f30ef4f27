// The call for projects' form: before the form goes, this pays its proof of work (a puzzle that costs a network more
// the more it applies), then lets the browser post the form as it is. The server checks everything again; a refusal
// comes back as the filled-in form with each problem in the applicant's language.
import { solveInBackground } from './pow';
import type { Challenge } from './schema';

const form = document.getElementById('apply') as HTMLFormElement | null;
const status = document.getElementById('apply-status');

function field(name: string): HTMLInputElement {
  return form!.elements.namedItem(name) as HTMLInputElement;
}

function say(text: string, error = false): void {
  if (!status) return;
  status.textContent = text;
  status.classList.toggle('error', error);
}

async function pay(slug: string): Promise<boolean> {
  const response = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/call/challenges`, { method: 'POST' });
  if (response.status === 429) {
    say(status?.dataset.limited ?? '', true);
    return false;
  }
  if (response.status === 410) {
    say(status?.dataset.closed ?? '', true);
    return false;
  }
  if (!response.ok) throw new Error(`challenge: ${response.status}`);
  const solution = await solveInBackground((await response.json()) as Challenge);
  if (!solution) throw new Error('no solution');
  field('powSalt').value = solution.salt;
  field('powNumber').value = String(solution.number);
  field('powSignature').value = solution.signature;
  return true;
}

if (form) {
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    say(status?.dataset.working ?? '');
    pay(form.dataset.slug ?? '')
      .then((paid) => {
        if (paid) {
          form.submit();
        } else {
          sending = false;
          if (button) button.disabled = false;
        }
      })
      .catch(() => {
        sending = false;
        if (button) button.disabled = false;
        say(status?.dataset.failed ?? '', true);
      });
  });
}
