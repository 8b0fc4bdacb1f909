/** Past due and nobody has reached the customer yet: the SLA is about the call-back, not the closing. */
export function isOverdue(followUp: { status: string; dueAt: Date }, now: Date): boolean {
  return followUp.status === "open" && followUp.dueAt < now;
}
