import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Reach or Relate</h1>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
