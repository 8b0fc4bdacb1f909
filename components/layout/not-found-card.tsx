export function NotFoundCard() {
  return (
    <div className="card">
      <h1>Not found</h1>
      <p>This page does not exist, or it is not part of your account.</p>
      <a href="/dashboard">Back to the dashboard</a>
    </div>
  );
}
