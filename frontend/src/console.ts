// The console's one script, and an enhancement only: the import forms work without it. With it, a large CSV upload
// shows how much has been sent, and its button cannot be pressed twice while the file travels.
document.querySelectorAll<HTMLFormElement>('form.upload').forEach((form) => {
  form.addEventListener('submit', (event) => {
    const bar = form.querySelector('progress');
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (!bar || typeof XMLHttpRequest === 'undefined') {
      return;
    }
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    request.addEventListener('load', () => {
      // The server answers with the whole page and its report: show it as a normal post would.
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => {
      bar.hidden = true;
      if (button) button.disabled = false;
      form.submit(); // the network failed: let the browser post the form itself and show its own error
    });
    bar.hidden = false;
    if (button) button.disabled = true;
    request.send(new FormData(form));
  });
});
