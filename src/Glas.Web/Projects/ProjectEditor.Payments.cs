using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Projects;

/// <summary>Payments: one at a time, with the paid total and the public history kept in step.</summary>
public sealed partial class ProjectEditor
{
    /// <summary>Adds, changes (<paramref name="paymentId"/> set) or removes (<paramref name="amount"/> null) one payment.</summary>
    public List<FieldError> ChangePayment(Project p, Guid? paymentId, decimal? amount, DateOnly? paidOn, string? note, Actor actor)
    {
        var now = time.GetUtcNow();
        var existing = paymentId is { } id ? p.Payments.FirstOrDefault(x => x.Id == id) : null;
        if (paymentId is not null && existing is null)
        {
            return [new("Payment", t["Error.PaymentNotFound"])];
        }
        if (amount is < 0 || (amount is { } a && decimal.Round(a, 2) != a))
        {
            return [new("Amount", t["Error.PaymentAmount"])];
        }
        if (amount is not null && paidOn is { } on && !Reconciliation.PaymentDateInRange(on, Today()))
        {
            return [new("PaidOn", t["Error.PaymentDate"])];
        }
        if (Clean(note) is { Length: > 300 } || (note is not null && HasControlCharacters(note)))
        {
            return [new("Note", t["Error.TooLong", 300])];
        }
        var paid = p.Payments.Where(x => x != existing).Sum(x => x.Amount) + (amount ?? 0);
        if (p.TotalValue is { } total && paid > total && !p.ReconciliationOverride)
        {
            return [new("Amount", Describe(new MoneyProblem(MoneyProblemKind.PaidOverTotal, "Paid", paid, total), p.Currency))];
        }
        var history = new List<ProjectChange>();
        var before = existing is null ? null : PaymentText(existing.PaidOn, existing.Amount);
        if (amount is { } value)
        {
            if (existing is null)
            {
                existing = new ProjectPayment { Id = Guid.CreateVersion7(now), TenantId = TenantId, ProjectId = p.Id };
                p.Payments.Add(existing);
                db.ProjectPayments.Add(existing);
            }
            existing.Amount = value;
            existing.PaidOn = paidOn;
            existing.Note = Clean(note);
        }
        else if (existing is not null)
        {
            p.Payments.Remove(existing);
            db.ProjectPayments.Remove(existing);
        }
        var after = amount is { } v ? PaymentText(paidOn, v) : null;
        if (before != after)
        {
            history.Add(Change(p, actor, now, "Payment", before, after));
        }
        SetPaid(p, paid, actor, now, history, isNew: false);
        db.ProjectChanges.AddRange(history);
        if (history.Count > 0)
        {
            p.UpdatedAt = now;
            Audit(actor, "project.payment", p, $"{before ?? "—"} → {after ?? "—"}");
            Notify(p, "project.payment", actor);
        }
        return [];
    }

    private void SetPaid(Project p, decimal paid, Actor actor, DateTimeOffset now, List<ProjectChange> history, bool isNew)
    {
        if (!isNew && p.PaidTotal != paid)
        {
            history.Add(Change(p, actor, now, "PaidTotal", Inv(p.PaidTotal), Inv(paid)));
        }
        p.PaidTotal = paid;
    }
}
