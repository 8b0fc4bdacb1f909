export function ForbiddenCard() {
  return (
    <div className="card">
      <h1>You don&apos;t have access to this</h1>
      <p>This page is for another role in your team. If you need it, ask an admin of your account.</p>
      <a href="/dashboard">Back to the dashboard</a>
    </div>
  );
}
