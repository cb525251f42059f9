package dev.quorum.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars as Quorum writes it in JSON: a plain number with exactly {@value #DECIMALS} decimals, the
 * nano-dollar the usage ledger and the budgets count in, never an exponent ({@code 0.000057800}, not
 * {@code 5.7799999999999995E-5}). The one place money gets its format: record fields holding dollars as a
 * {@code Double} name {@link Json} ({@code @JsonSerialize(using = Usd.Json.class)}), and reports built as maps put a
 * {@code Usd} in them, which is a {@link Number} for whoever reads the map in Java.
 */
@JsonSerialize(using = Usd.Json.class)
public final class Usd extends Number implements Comparable<Usd> {

    /** Decimals of every amount: nano-dollars, the unit of the ledger and the budgets. */
    public static final int DECIMALS = 9;

    private static final long NANOS_PER_USD = 1_000_000_000L;
    /** Beyond this many dollars a double's nano-dollars no longer fit a long exactly enough: BigDecimal's way. */
    private static final double LARGE = 1e9;

    private final long nanos;

    private Usd(long nanos) {
        this.nanos = nanos;
    }

    /** {@code nanos} nano-dollars, exactly. */
    public static Usd ofNanos(long nanos) {
        return new Usd(nanos);
    }

    /** {@code usd} rounded to the nearest nano-dollar. */
    public static Usd of(double usd) {
        return new Usd(Math.round(usd * NANOS_PER_USD));
    }

    /**
     * The JSON text of an amount: {@value #DECIMALS} decimals, no exponent. (Written by hand from the nano-dollars,
     * not through BigDecimal: it runs for every amount of every result.)
     */
    public static String format(double usd) {
        if (Math.abs(usd) >= LARGE) {
            return BigDecimal.valueOf(usd).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString();
        }
        return format(Math.round(usd * NANOS_PER_USD));
    }

    static String format(long nanos) {
        StringBuilder text = new StringBuilder(20);
        if (nanos < 0) {
            text.append('-');
        }
        long abs = Math.abs(nanos);
        text.append(abs / NANOS_PER_USD).append('.');
        String fraction = Long.toString(abs % NANOS_PER_USD);
        for (int i = fraction.length(); i < DECIMALS; i++) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }

    /** The amount in nano-dollars. */
    public long nanos() {
        return nanos;
    }

    @Override
    public double doubleValue() {
        return nanos / 1e9;
    }

    @Override
    public float floatValue() {
        return (float) doubleValue();
    }

    @Override
    public long longValue() {
        return nanos / NANOS_PER_USD;
    }

    @Override
    public int intValue() {
        return (int) longValue();
    }

    @Override
    public int compareTo(Usd other) {
        return Long.compare(nanos, other.nanos);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Usd usd && nanos == usd.nanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos);
    }

    @Override
    public String toString() {
        return format(nanos);
    }

    /** Writes a {@link Usd}, or any number of dollars, in the format above; NaN and infinities as Jackson would. */
    public static final class Json extends StdSerializer<Number> {

        public Json() {
            super(Number.class);
        }

        @Override
        public void serialize(Number amount, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (amount instanceof Usd usd) {
                json.writeNumber(usd.toString());
                return;
            }
            double value = amount.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                json.writeNumber(value);
                return;
            }
            json.writeNumber(format(value));
        }
    }
}
