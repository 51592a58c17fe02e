const output = document.getElementById('result');
const worker = new Worker('./worker.js', { type: 'module' });
worker.onmessage = (event) => (output.textContent = JSON.stringify(event.data));
worker.onerror = (event) => (output.textContent = JSON.stringify({ error: event.message }));
