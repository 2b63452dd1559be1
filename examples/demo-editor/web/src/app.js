// Tensio front end: records blood-pressure readings and sends them to the Tensio API, which forwards them to
// Mon espace santé when the patient has paired their account. No third-party script is loaded.
/* global document, window, FormData, fetch */
const API = 'https://api.tensio.example/v1';

const form = document.querySelector('#mesure');
const history = document.querySelector('#historique');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const reading = {
    systolic: Number(data.get('systolique')),
    diastolic: Number(data.get('diastolique')),
    at: new Date().toISOString(),
  };
  const response = await fetch(`${API}/mesures`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reading),
  });
  const item = document.createElement('li');
  item.textContent = response.ok
    ? `${reading.systolic}/${reading.diastolic} mmHg enregistrée`
    : `échec de l'enregistrement (${response.status})`;
  history.prepend(item);
  if (window._paq) window._paq.push(['trackEvent', 'mesure', 'enregistree']);
});
