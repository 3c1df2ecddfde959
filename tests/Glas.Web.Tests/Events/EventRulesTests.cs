using Glas.Web.Events;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Calendar = Ical.Net.Calendar;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Events;

[Trait("Category", "Unit")]
public class EventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static PublicEvent Event(int? capacity = null, DateTimeOffset? opens = null, DateTimeOffset? closes = null, EventStatus status = EventStatus.Scheduled) => new()
    {
        Id = Guid.NewGuid(), Title = "Обучение", Description = "Описание", Organiser = "Община", StartsAt = Now.AddDays(3), EndsAt = Now.AddDays(3).AddHours(2),
        Capacity = capacity, RegistrationOpensAt = opens, RegistrationClosesAt = closes, Status = status, UpdatedAt = Now,
    };

    [Fact]
    public void Registration_is_open_from_its_opening_until_its_closing_or_the_start()
    {
        EventRules.Window(Event(), Now).ShouldBe(RegistrationWindow.Open);
        EventRules.Window(Event(opens: Now.AddHours(1)), Now).ShouldBe(RegistrationWindow.NotYetOpen);
        EventRules.Window(Event(opens: Now), Now).ShouldBe(RegistrationWindow.Open);
        EventRules.Window(Event(closes: Now), Now).ShouldBe(RegistrationWindow.Closed);
        EventRules.Window(Event(closes: Now.AddMinutes(1)), Now).ShouldBe(RegistrationWindow.Open);
        EventRules.Window(Event(), Now.AddDays(3)).ShouldBe(RegistrationWindow.Closed);
        EventRules.Window(Event(status: EventStatus.Cancelled), Now).ShouldBe(RegistrationWindow.Cancelled);
    }

    [Theory]
    [InlineData(null, 1000, RegistrationStatus.Confirmed)]
    [InlineData(3, 0, RegistrationStatus.Confirmed)]
    [InlineData(3, 2, RegistrationStatus.Confirmed)]
    [InlineData(3, 3, RegistrationStatus.Waitlisted)]
    [InlineData(3, 4, RegistrationStatus.Waitlisted)]
    public void A_registration_takes_a_place_while_there_is_one_and_otherwise_waits(int? capacity, int confirmed, RegistrationStatus expected) =>
        EventRules.Place(capacity, confirmed).ShouldBe(expected);

    [Theory]
    [InlineData(3, 2, 5, 1)]
    [InlineData(3, 3, 5, 0)]
    [InlineData(5, 2, 1, 1)]
    [InlineData(3, 4, 2, 0)]
    [InlineData(null, 10, 4, 4)]
    public void The_waiting_list_moves_up_into_the_free_places_only(int? capacity, int confirmed, int waiting, int expected) =>
        EventRules.Promotions(capacity, confirmed, waiting).ShouldBe(expected);

    [Fact]
    public void An_event_ending_before_it_starts_or_with_fewer_places_than_registrations_is_refused()
    {
        EventRules.Check(Now, Now.AddHours(-1), null, 0, null, null).ShouldContain(("EndsAt", "Error.EndsBeforeStart"));
        EventRules.Check(Now, Now, null, 0, null, null).ShouldContain(("EndsAt", "Error.EndsBeforeStart"));
        EventRules.Check(Now, Now.AddHours(1), 2, 3, null, null).ShouldContain(("Capacity", "Error.CapacityBelowRegistrations"));
        EventRules.Check(Now, Now.AddHours(1), 0, 0, null, null).ShouldContain(("Capacity", "Error.Capacity"));
        EventRules.Check(Now, Now.AddHours(1), 3, 3, null, null).ShouldBeEmpty();
        EventRules.Check(Now, Now.AddHours(1), null, 0, null, Now.AddMinutes(1)).ShouldContain(("RegistrationClosesAt", "Error.ClosesAfterStart"));
        EventRules.Check(Now, Now.AddHours(1), null, 0, Now.AddMinutes(-1), Now.AddMinutes(-2)).ShouldContain(("RegistrationOpensAt", "Error.OpensAfterClose"));
    }

    private static PublicAddress Addresses => new(Options.Create(new InstallationOptions { PublicBaseUrl = "https://glas.example.bg" }));

    private static Tenant Tenant => new() { Id = Guid.NewGuid(), Slug = "sliven", NameBg = "Община Сливен", NameEn = "Sliven Municipality", IsDefault = true };

    [Fact]
    public void The_ics_file_gives_the_time_in_Sofia_with_its_zone_and_parses_back_to_the_same_instant()
    {
        // 1 July: summer time (UTC+3); 15 December: winter time (UTC+2).
        foreach (var (utc, local) in new[] { (new DateTimeOffset(2026, 7, 1, 15, 0, 0, TimeSpan.Zero), "20260701T180000"), (new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero), "20261215T180000") })
        {
            var e = Event();
            (e.StartsAt, e.EndsAt) = (utc, utc.AddHours(2));
            var text = EventCalendar.File(e, Addresses, Tenant);
            text.ShouldContain($"DTSTART;TZID=Europe/Sofia:{local}");
            text.ShouldContain("BEGIN:VTIMEZONE");
            text.ShouldContain("STATUS:CONFIRMED");
            var parsed = Calendar.Load(text)!;
            var ev = parsed.Events.Single();
            ev.Summary.ShouldBe("Обучение");
            ev.Uid.ShouldBe($"{e.Id}@glas.example.bg");
            ev.Url!.ToString().ShouldBe($"https://glas.example.bg/events/{e.Id}");
            ev.DtStart!.AsUtc.ShouldBe(utc.UtcDateTime);
            ev.DtEnd!.AsUtc.ShouldBe(utc.AddHours(2).UtcDateTime);
        }
    }

    [Fact]
    public void A_cancelled_event_is_written_with_status_cancelled_and_a_higher_sequence()
    {
        var text = EventCalendar.File(Event(status: EventStatus.Cancelled), Addresses, Tenant);
        var ev = Calendar.Load(text)!.Events.Single();
        ev.Status.ShouldBe("CANCELLED");
        ev.Sequence.ShouldBe(1);
    }

    [Fact]
    public void Calendar_text_is_escaped_by_the_library()
    {
        var text = ICalendar.Write("Календар", "glas.example.bg",
            [new CalendarEntry(Guid.NewGuid(), "Среща; с, запетаи\nи нов ред", null, Now, Now.AddHours(1), "Зала 1", "https://glas.example.bg/events/1", false, Now)]);
        Calendar.Load(text)!.Events.Single().Summary.ShouldBe("Среща; с, запетаи\nи нов ред");
    }
}
