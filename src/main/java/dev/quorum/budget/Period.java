package dev.quorum.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** A budget period in UTC: a calendar day or a calendar month, from its first instant to the first of the next. */
public enum Period {
    DAY, MONTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period fromWireName(String name) {
        for (Period period : values()) {
            if (period.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return period;
            }
        }
        return null;
    }

    public Instant start(Instant now) {
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        return (this == DAY ? day : day.withDayOfMonth(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant of the next period: when a budget of this period resets. */
    public Instant end(Instant now) {
        ZonedDateTime start = start(now).atZone(ZoneOffset.UTC);
        return (this == DAY ? start.plusDays(1) : start.plusMonths(1)).toInstant();
    }

    /** The period's key in the budget_window table: {@code 2026-11-23} for a day, {@code 2026-11} for a month. */
    public String key(Instant now) {
        String day = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        return this == DAY ? day : day.substring(0, 7);
    }
}
