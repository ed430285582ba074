// Sign-in: the service sets an HttpOnly session cookie, then the review page loads.
const form = document.getElementById('login');
const error = document.getElementById('login-error');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const body = { username: form.username.value.trim(), password: form.password.value };
  try {
    const res = await fetch('/v1/review/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
    if (res.ok) {
      // Only ever a path of this page: "next" must not send the reviewer elsewhere.
      const next = new URLSearchParams(window.location.search).get('next') ?? '';
      window.location.assign(/^\/review(\?|$)/.test(next) ? next : '/review');
      return;
    }
    const data = await res.json().catch(() => ({}));
    error.textContent = data.error?.message ?? `sign-in failed (${res.status})`;
  } catch {
    error.textContent = 'the service could not be reached';
  }
});
