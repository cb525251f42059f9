package dev.quorum.consensus;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threeten.extra.chrono.JulianDate;

/**
 * The numbers an answer states, each with its unit converted to a base unit, so that "500 mg" and "0.5 g", "16 GB"
 * and "16 gigabytes", "six minutes" and "6 min", "3 × 10^8 m/s" and "300,000 km/s" are the same quantity and "3.5GB"
 * is not "3 GB". Read by one pass over the text (no regular expression): digits with thousands separators (1,000,
 * 1 000), decimals, exponents (4.2e1, 3 × 10^8), suffixes (1.5k, 2 million), number words (forty-two), a currency
 * sign before or a unit after (glued or as the next words, "per"/"/" a unit of time), clock times (14:32, 2:32 pm,
 * 14:32:05, in hours), dates (2024-03-15, and a month name next to a number counts as that month), centuries (19th
 * century, the 1800s). Words that are also units only count as units right after a number.
 */
final class Quantities {

    /** Fuel consumption, in litres per 100 km; miles per gallon are its inverse (US and imperial gallons). */
    static final String FUEL = "l/100km";
    private static final double MPG_US = 235.214583;
    private static final double MPG_IMPERIAL = 282.480936;
    private static final Pattern FUEL_UNIT = Pattern.compile(
            " ?(?:(l ?/ ?100 ?km|(?:litres|liters) per 100 (?:km|kilometres|kilometers))"
            + "|(?:mpg|miles per gallon)( ?\\((?:us|uk|imperial)\\)| (?:us|uk|imperial))?)(?![a-z])");
    /** A foot and an inch in metres. */
    private static final double FOOT = 0.3048;
    private static final double INCH = 0.0254;
    /** Groups of two digits an Indian grouping is read with at most ("1,00,00,00,000" has three). */
    private static final int INDIAN_GROUPS = 6;

    /** One stated quantity: its value in the unit's base unit, and that base unit ({@code null}: a bare number). */
    record Quantity(double value, String unit, double stated, double precision, double loose, double factor) {

        Quantity(double value, String unit) {
            this(value, unit, value);
        }

        Quantity(double value, String unit, double stated) {
            this(value, unit, stated, 0, 0, 1);
        }

        /**
         * The same quantity: the same unit (or one of them bare) and the same value; with {@code approximate} values
         * within 1.5 % of each other match too ("about 384,400 km", "roughly 384 thousand kilometres").
         */
        boolean matches(Quantity other, boolean approximate) {
            if (unit != null && other.unit != null && !unit.equals(other.unit)) {
                return false;
            }
            // a bare number and a quantity with a unit: the number as the other states it ("100" and "100 °C")
            if ((unit == null) != (other.unit == null) && !"%".equals(unit) && !"%".equals(other.unit)
                    && close(unit == null ? value : stated, unit == null ? other.stated : other.value, approximate)) {
                return true;
            }
            // a percentage and a bare fraction: 25 % is 0.25
            if ("%".equals(unit) != "%".equals(other.unit) && (unit == null || other.unit == null)
                    && close("%".equals(unit) ? value / 100 : value, "%".equals(unit) ? other.value : other.value / 100,
                    approximate)) {
                return true;
            }
            // temperatures to within a share of their degrees, not of their kelvins (38 °C is not "about 98.6 °F"), or
            // within the rounding both were stated to ("about 400 °F" is 200 °C; "about 78 °C" is not 100 °C)
            boolean temperatures = "kelvin".equals(unit) && "kelvin".equals(other.unit);
            double zero = temperatures ? 273.15 : 0;
            // (or, for two whole numbers of three digits or more, within 1.5 %: "about 425 °F" / "roughly 428 °F";
            // not decimals, given to the precision they mean: 3.14 is not "about 3.16")
            boolean rounded = approximate && (within(other, Math.max(loose, other.loose))
                    || wholeHundreds() && other.wholeHundreds());
            // (an approximate temperature also covers what rounds to it at its precision: "about 4 °C" / "4.4 °C")
            if (close(value - zero, other.value - zero, rounded)
                    || temperatures && approximate && within(other, Math.min(loose, other.loose) / 2)
                    || temperatures && approximate && within(other, Math.max(precision, other.precision) / 2)) {
                return true;
            }
            // an approximate single digit covers what rounds to it ("about 8 minutes" / "8 minutes and 20 seconds",
            // "roughly 5 %" / "5.4 %"; not "about 300" / "270": that is not a single digit)
            Quantity rough = precision >= other.precision ? this : other;
            if (approximate && Objects.equals(unit, other.unit) && rough.factor > 0
                    && Math.abs(rough.precision / rough.factor - 1) < 1e-9
                    && Math.abs(rough.loose - rough.precision) < 1e-9
                    && Math.abs(rough.stated) >= 1 && Math.abs(rough.stated) < 10
                    && within(other, rough.precision / 2)) {
                return true;
            }
            // stated in two units, the converted value matches to the precision it was given in ("26.2 miles" and
            // "42.195 km"; "1,235 km/h" and "343 m/s")
            // (to the coarser one's precision only when it gives two digits or more: "1 liter" is not 750 ml)
            Quantity coarser = precision >= other.precision ? this : other;
            boolean digits = coarser.precision > 0 && coarser.factor > 0
                    && Math.abs(coarser.stated) / (coarser.precision / coarser.factor) >= 10 - 1e-9;
            return unit != null && unit.equals(other.unit) && Math.abs(factor - other.factor) > 1e-12 * Math.max(factor, other.factor)
                    && (within(other, Math.min(precision, other.precision) / 2)
                    || digits && within(other, Math.max(precision, other.precision) / 2));
        }

        /** Whether the number as stated is whole and of three digits or more. */
        private boolean wholeHundreds() {
            return stated == Math.rint(stated) && Math.abs(stated) >= 100;
        }

        private boolean within(Quantity other, double tolerance) {
            return Math.abs(value - other.value) <= tolerance * (1 + 1e-9);
        }

        private static boolean close(double value, double otherValue, boolean approximate) {
            double scale = Math.max(Math.abs(value), Math.abs(otherValue));
            double difference = Math.abs(value - otherValue);
            // relative, also for tiny values (6.626 × 10^-34 is not 6.626 × 10^-31) and for large ones (2,147,483,647 is
            // not 2,147,483,648); absolute only against a zero
            double exact = value != 0 && otherValue != 0 ? 1e-12 * scale : 1e-12;
            return difference <= exact || (approximate && difference <= 0.015 * scale);
        }
    }

    /** A unit: value in the base unit = value × factor + offset (the offset only for temperatures). */
    private record Unit(String base, double factor, double offset) {
        Unit(String base, double factor) {
            this(base, factor, 0);
        }

        double toBase(double value) {
            return value * factor + offset;
        }
    }

    /** The symbols {@link #PREFIXED_UNIT} also spells out without a prefix ("4.7 Ω", "12 V"). */
    private static final List<String> UNPREFIXED = List.of("\u03a9", "Hz", "Wh", "eV", "Pa", "V");
    /**
     * A unit symbol with a metric prefix right after a number, where the letter's case is the meaning ("5 MW" is
     * megawatts, "5 mW" milliwatts; "4.7 kΩ", "1 µL"): prefix and symbol as the case written them. Each symbol is read
     * only with the prefixes it is written with in practice, so "5 Gs" or "51 N" (a bearing) stay as they are, and a
     * bare "W" or "J" is left to the table, where "74.0060 W" can still be a longitude ("u" is micro before A, F, g and
     * L, as typed without a µ: "0.1 uF"); a symbol in a compound unit ("mg/mL", "mg·mL⁻¹", "ms⁻¹") is read with the
     * compound.
     */
    private static final Pattern PREFIXED_UNIT = Pattern.compile(
            "(?<=\\d ?)(?:([mkMGT\u00b5\u03bc]?)(" + String.join("|", UNPREFIXED) + ")|([mkMGT\u00b5\u03bc])(W|J)"
            + "|([mk\u00b5\u03bcunp])(A|F)|([kMm])(N)|([mkn\u00b5\u03bcu])(g)|([mcdk\u00b5\u03bcu])(L|l)"
            + "|([mnp\u00b5\u03bc])(s))(?![\\p{L}\\p{N}/\u00b7\u22c5^*\u207b-])");
    /**
     * Ages in geology's symbols after a number and a space ("66 Ma", "4.5 Gyr", "65 mya"), as the case writes them; not
     * "Ga", which is also gallium ("68 Ga").
     */
    private static final Pattern GEOLOGIC_AGE = Pattern.compile("(?<=\\d )(Ma|Myr|Gyr|mya|Mya)(?![\\p{L}\\p{N}])");
    private static final Map<String, String> GEOLOGIC_AGES = Map.of("Ma", "million years", "Myr", "million years",
            "Gyr", "billion years", "mya", "million years ago", "Mya", "million years ago");
    private static final Map<String, String> PREFIX_NAMES = Map.ofEntries(Map.entry("p", "pico"), Map.entry("n", "nano"),
            Map.entry("\u00b5", "micro"), Map.entry("\u03bc", "micro"), Map.entry("u", "micro"), Map.entry("m", "milli"),
            Map.entry("c", "centi"), Map.entry("d", "deci"), Map.entry("k", "kilo"), Map.entry("M", "mega"),
            Map.entry("G", "giga"), Map.entry("T", "tera"));
    private static final Map<String, String> SYMBOL_NAMES = Map.ofEntries(Map.entry("\u03a9", "ohm"),
            Map.entry("Hz", "hertz"), Map.entry("Wh", "watt-hour"), Map.entry("eV", "electronvolt"),
            Map.entry("Pa", "pascal"), Map.entry("J", "joule"), Map.entry("V", "volt"), Map.entry("W", "watt"),
            Map.entry("A", "ampere"), Map.entry("F", "farad"), Map.entry("N", "newton"), Map.entry("g", "gram"),
            Map.entry("L", "litre"), Map.entry("l", "litre"), Map.entry("s", "second"));
    /** The letters a prefixed unit ({@link #PREFIXED_UNIT}) opens with: a prefix, or a symbol read without one. */
    private static final String UNIT_OPENINGS = unitOpenings();
    /** The metric units spelled out, each with its base and the factor to it, prefixed by every prefix above. */
    private static final Object[][] METRIC = {{"ohm", "ohm", 1d}, {"hertz", "hz", 1d}, {"watt-hour", "j", 3600d},
        {"electronvolt", "j", 1.602176634e-19}, {"pascal", "pa", 1d}, {"joule", "j", 1d}, {"volt", "v", 1d},
        {"watt", "w", 1d}, {"ampere", "a", 1d}, {"farad", "f", 1d}, {"newton", "n", 1d}, {"gram", "g", 1d},
        {"litre", "l", 1d}, {"second", "s", 1d}};
    private static final Map<String, Double> PREFIX_FACTORS = Map.ofEntries(Map.entry("atto", 1e-18),
            Map.entry("femto", 1e-15), Map.entry("peta", 1e15), Map.entry("exa", 1e18), Map.entry("pico", 1e-12),
            Map.entry("nano", 1e-9), Map.entry("micro", 1e-6), Map.entry("milli", 1e-3), Map.entry("centi", 1e-2),
            Map.entry("deci", 1e-1), Map.entry("", 1d), Map.entry("kilo", 1e3), Map.entry("mega", 1e6),
            Map.entry("giga", 1e9), Map.entry("tera", 1e12));
    private static final Map<String, Unit> UNITS = new HashMap<>();
    private static final Set<String> UNIT_WORDS = new HashSet<>();
    /** The most words a unit is named in ("british thermal units per hour"), set as the table is built. */
    private static int unitWordsMost = 1;
    private static final Map<String, Integer> SMALL_NUMBERS = new HashMap<>();
    /** Denominators in words, after a number word ("three quarters", "one thousandth"). */
    private static final Map<String, Double> FRACTIONS = Map.ofEntries(Map.entry("half", 2.0), Map.entry("halves", 2.0),
            Map.entry("third", 3.0), Map.entry("thirds", 3.0), Map.entry("quarter", 4.0), Map.entry("quarters", 4.0),
            Map.entry("fourth", 4.0), Map.entry("fourths", 4.0), Map.entry("fifth", 5.0), Map.entry("fifths", 5.0),
            Map.entry("sixth", 6.0), Map.entry("sixths", 6.0), Map.entry("seventh", 7.0), Map.entry("sevenths", 7.0),
            Map.entry("eighth", 8.0), Map.entry("eighths", 8.0), Map.entry("ninth", 9.0), Map.entry("ninths", 9.0),
            Map.entry("tenth", 10.0), Map.entry("tenths", 10.0), Map.entry("hundredth", 100.0),
            Map.entry("hundredths", 100.0), Map.entry("thousandth", 1000.0), Map.entry("thousandths", 1000.0),
            Map.entry("millionth", 1e6), Map.entry("millionths", 1e6));
    private static final Map<String, Integer> TENS = new HashMap<>();
    private static final Map<String, Double> SCALES = new HashMap<>();
    /** How many years ahead of this one a year written with two digits may lie ("'30" is 2030, "'44" is 1944). */
    private static final int SHORT_YEAR_AHEAD = 10;
    /** The years whose Julian dates {@link #gregorian} moves: from the first wholly Gregorian one to 2100. */
    private static final int FIRST_GREGORIAN_YEAR = 1583;
    private static final int LAST_CONVERTED_YEAR = 2100;
    private static final List<String> JULIAN_MARKERS = List.of("julian calendar", "julian date", "(julian)",
            "old style", "(o.s.)");
    /** How far from a slash date its format is looked for ({@link #slashDate}). */
    private static final int FORMAT_WINDOW = 40;

    /** A year as a duration: in seconds, a Julian year. */
    static final double SECONDS_A_YEAR = 31_557_600;
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    /** "the eleventh hour of the eleventh day of the eleventh month of 1918" ({@link #ordinalDates}). */
    private static final Pattern ORDINAL_DATE = Pattern.compile("(?:\\bthe ([a-z]+(?:-[a-z]+)?) hour of )?\\bthe "
            + "([a-z]+(?:-[a-z]+)?) day of the ([a-z]+) month\\b(?: of (\\d{4})\\b)?");
    /** Parts of the day after an hour that make it a time of day ({@link #partOfDay}), "in the morning" first. */
    private static final List<String> PARTS_OF_DAY = List.of(" in the morning", " in the afternoon", " in the evening",
            " at night");
    /** Ordinals of a weekday in its month, the words then the numbers, "last" last ({@link #weekdayDates}). */
    private static final List<String> WEEKDAY_ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "1st",
            "2nd", "3rd", "4th", "5th", "last");
    /** "second monday of january 2025", "last friday in may, 2024". */
    private static final Pattern WEEKDAY_DATE = Pattern.compile("\\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th"
            + "|5th|last) (monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:of|in) ([a-z]+),? (\\d{4})\\b");
    private static final Map<String, Unit> CURRENCY_SIGNS = new HashMap<>();
    /** The unit of a time of day with a time zone, in UTC hours; its stated value is the hour as written. */
    static final String UTC_TIME = "utc-time";
    /** What joins the two ends of a range of times ("02:00–04:00", "3:00 to 5:00"). */
    private static final Set<String> RANGE_WORDS = Set.of("-", "–", "—", "to", "until", "till", "through");
    /**
     * Time-zone abbreviations after a time of day and their offsets from UTC in minutes. Each is the offset of a zone
     * the JDK names so in English (EquivalenceTest checks every entry against the JDK's zones); where the JDK gives one
     * abbreviation to zones of several offsets, the reading common in English text is taken ("PST" is US Pacific, not
     * the Philippines; "CST" US Central, not China; "IST" India; "BST" British Summer Time). Abbreviations that are
     * English words ("WET", "WEST") are left out.
     */
    static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("utc", 0), Map.entry("gmt", 0),
            Map.entry("bst", 60), Map.entry("cet", 60),
            Map.entry("cest", 120), Map.entry("eet", 120), Map.entry("eest", 180), Map.entry("msk", 180),
            Map.entry("ist", 330), Map.entry("sgt", 480), Map.entry("hkt", 480), Map.entry("jst", 540),
            Map.entry("kst", 540), Map.entry("aest", 600), Map.entry("aedt", 660), Map.entry("nzst", 720),
            Map.entry("nzdt", 780), Map.entry("est", -300), Map.entry("edt", -240), Map.entry("cst", -360),
            Map.entry("cdt", -300), Map.entry("mst", -420), Map.entry("mdt", -360), Map.entry("pst", -480),
            Map.entry("pdt", -420), Map.entry("akst", -540), Map.entry("akdt", -480), Map.entry("hst", -600));
    /**
     * The same zones by their full English names ("central european summer time"), with their offsets in minutes;
     * each name and offset is one the JDK gives (a test checks them).
     */
    static final Map<String, Integer> ZONE_NAMES = Map.ofEntries(Map.entry("coordinated universal time", 0),
            Map.entry("greenwich mean time", 0), Map.entry("british summer time", 60),
            Map.entry("central european time", 60), Map.entry("central european standard time", 60),
            Map.entry("central european summer time", 120), Map.entry("eastern european time", 120),
            Map.entry("eastern european standard time", 120), Map.entry("eastern european summer time", 180),
            Map.entry("moscow standard time", 180), Map.entry("india standard time", 330),
            Map.entry("singapore standard time", 480), Map.entry("hong kong standard time", 480),
            Map.entry("china standard time", 480), Map.entry("japan standard time", 540),
            Map.entry("korean standard time", 540), Map.entry("australian eastern standard time", 600),
            Map.entry("australian eastern daylight time", 660), Map.entry("new zealand standard time", 720),
            Map.entry("new zealand daylight time", 780), Map.entry("eastern standard time", -300),
            Map.entry("eastern daylight time", -240), Map.entry("central standard time", -360),
            Map.entry("central daylight time", -300), Map.entry("mountain standard time", -420),
            Map.entry("mountain daylight time", -360), Map.entry("pacific standard time", -480),
            Map.entry("pacific daylight time", -420), Map.entry("alaska standard time", -540),
            Map.entry("alaska daylight time", -480), Map.entry("hawaii standard time", -600),
            Map.entry("hawaii-aleutian standard time", -600));
    /** The longest of {@link #ZONE_NAMES}, in characters. */
    private static final int ZONE_NAME_CHARS = ZONE_NAMES.keySet().stream().mapToInt(String::length).max().orElse(0);
    /** A unit, then another to the power of minus one ({@link #perUnit}). */
    private static final Pattern PER_UNIT = Pattern.compile(
            "(?<=\\d\\s?)([a-z]{1,3}?)(?:\\s|\u00b7|\u22c5|(?<=k?m)(?=s))([a-z]{1,3})(?:\u207b\u00b9|\\^-1)(?![\\d\u00b2\u00b3])");
    /** Hedges that make a number after them approximate ({@link #hedgeBeforeNumber}). */
    private static final List<String> HEDGES_BEFORE_NUMBER = List.of("just under ", "just over ", "a little under ",
            "a little over ", "slightly under ", "slightly over ", "just shy of ", "close to ", "a bit over ",
            "a bit under ", "a bit more than ", "a bit less than ", "a little more than ", "a little less than ",
            "slightly more than ", "slightly less than ", "just above ", "just below ");
    /** The currencies units name ({@link #unit}), whose hundredths are cents or pence. */
    private static final Set<String> CURRENCIES = Set.of("usd", "eur", "gbp");
    /** Fractions written as one character, as decimals ({@link #vulgarFractions}). */
    private static final Map<Character, String> VULGAR = Map.ofEntries(Map.entry('\u00bc', "0.25"),
            Map.entry('\u00bd', "0.5"), Map.entry('\u00be', "0.75"), Map.entry('\u2153', "0.333333333333333"),
            Map.entry('\u2154', "0.666666666666667"), Map.entry('\u2155', "0.2"), Map.entry('\u2156', "0.4"),
            Map.entry('\u2157', "0.6"), Map.entry('\u2158', "0.8"), Map.entry('\u2159', "0.166666666666667"),
            Map.entry('\u215a', "0.833333333333333"), Map.entry('\u215b', "0.125"), Map.entry('\u215c', "0.375"),
            Map.entry('\u215d', "0.625"), Map.entry('\u215e', "0.875"));
    /** Thousands after points and a decimal comma: "1.234,56" (read by {@link #decimalComma}). */
    private static final Pattern DECIMAL_COMMA = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3})((?:\\.\\d{3}){1,5}),(\\d{1,2})(?![\\d.,])");
    /**
     * A decimal comma with no thousands marks: one digit before it and two after ("3,14"), or up to two after and a
     * metric unit or a percent sign next ("2,5 kg", "0,5 %"); not two numbers of a list ("2,3", "12,13", "30,60"), a
     * run ("1,2,3"), a pair or a range in brackets ("(3,4)", "{1,2}"), nor the arguments of a function of one letter
     * ("C(52,5)", read without its brackets as "c 52,5").
     */
    private static final Pattern LONE_DECIMAL_COMMA = Pattern.compile(
            "(?<![\\p{L}\\d.,(\\[{])(?<!\\b\\p{L} )(?:(\\d),(\\d{2})|(\\d{1,3}),(\\d{1,2})"
            + "(?=\\s?(?:kg|mg|g|km|cm|mm|m|ml|l|%|°|kilo\\p{L}*|milli\\p{L}*|centi\\p{L}*|grams?|met(?:re|er)s?"
            + "|lit(?:re|er)s?|percent)(?!\\p{L})))(?![\\d.,)\\]}])");
    /**
     * Thousands after points with no decimal: two groups or more ("1.500.000"; not "1.500", which may be a decimal, nor
     * an IPv4 address: four groups up to 255 without a leading zero, "192.168.100.200", or three before ".x", ".0/24";
     * nor a version "v1.200.300", "version 1.100.200"). Read by {@link #decimalComma}.
     */
    private static final Pattern DOTTED_THOUSANDS = Pattern.compile(
            "(?<![\\w.,])(\\d{1,3})((?:\\.\\d{3}){2,5})(?![\\d/]|[.,][\\w*])");
    private static final Map<String, Integer> WEEKDAYS = new HashMap<>();
    /** Roman numerals up to twenty, read only after a word they number ({@link #ROMAN_AFTER}). */
    private static final Map<String, Integer> ROMAN = new HashMap<>();
    /**
     * Words of a graded series that roman numerals number: "Type II", "Phase III", "Stage IV" (not names: "World War
     * II", "Henry VIII" are read as names).
     */
    private static final Set<String> ROMAN_AFTER = Set.of("type", "phase", "class", "stage", "grade", "level",
            "category", "schedule", "tier");
    /** The first words of {@link #HOLIDAYS}' names: only a word among them is looked up further. */
    private static final Set<String> HOLIDAY_WORDS = new HashSet<>();
    /** What may follow "one" in a whole answer for it to count a noun ("One star."), in characters at most. */
    private static final int COUNTED_NOUN_CHARS = 24;
    /** Ordinals in words that can name a day of a month ("fourth", "twenty-first"). */
    private static final Map<String, Integer> ORDINAL_DAYS = new HashMap<>();
    /** Holidays on a fixed date of the Gregorian calendar: {month, day}. */
    private static final Map<String, int[]> HOLIDAYS = Map.ofEntries(Map.entry("new year's day", new int[] {1, 1}),
            Map.entry("new year's eve", new int[] {12, 31}), Map.entry("christmas day", new int[] {12, 25}),
            Map.entry("christmas eve", new int[] {12, 24}), Map.entry("boxing day", new int[] {12, 26}),
            Map.entry("valentine's day", new int[] {2, 14}), Map.entry("st patrick's day", new int[] {3, 17}),
            Map.entry("st. patrick's day", new int[] {3, 17}), Map.entry("saint patrick's day", new int[] {3, 17}),
            Map.entry("april fools' day", new int[] {4, 1}), Map.entry("april fool's day", new int[] {4, 1}),
            Map.entry("may day", new int[] {5, 1}), Map.entry("bastille day", new int[] {7, 14}),
            Map.entry("halloween", new int[] {10, 31}), Map.entry("all saints' day", new int[] {11, 1}),
            Map.entry("guy fawkes night", new int[] {11, 5}), Map.entry("armistice day", new int[] {11, 11}),
            Map.entry("remembrance day", new int[] {11, 11}), Map.entry("veterans day", new int[] {11, 11}),
            Map.entry("veterans' day", new int[] {11, 11}));

    static {
        unit("m", 1, "m", "metre", "metres", "meter", "meters");
        unit("m", 1000, "km", "kilometre", "kilometres", "kilometer", "kilometers");
        unit("m", 0.01, "cm", "centimetre", "centimetres", "centimeter", "centimeters");
        unit("m", 0.001, "mm", "millimetre", "millimetres", "millimeter", "millimeters");
        unit("m", 1609.344, "mi", "mile", "miles");
        unit("m", FOOT, "ft", "foot", "feet");
        unit("m", INCH, "inch", "inches");
        unit("g", 1, "g", "gram", "grams", "gramme", "grammes");
        unit("g", 1000, "kg", "kilogram", "kilograms", "kilo", "kilos");
        unit("g", 0.001, "mg", "milligram", "milligrams");
        unit("g", 1e-6, "mcg", "µg", "μg", "microgram", "micrograms");
        unit("g", 453.59237, "lb", "lbs");
        unit("s", 1, "s", "sec", "secs", "second", "seconds");
        unit("s", 0.001, "ms", "millisecond", "milliseconds");
        unit("s", 60, "min", "mins", "minute", "minutes");
        unit("s", 3600, "h", "hr", "hrs", "hour", "hours");
        unit("s", 86400, "day", "days");
        unit("s", 604800, "week", "weeks");
        unit("byte", 1, "b", "byte", "bytes");
        unit("byte", 1e3, "kb", "kilobyte", "kilobytes");
        unit("byte", 1e6, "mb", "megabyte", "megabytes");
        unit("byte", 1e9, "gb", "gigabyte", "gigabytes");
        unit("byte", 1e12, "tb", "terabyte", "terabytes");
        unit("byte", 1024, "kib", "kibibyte", "kibibytes");
        unit("byte", 1024 * 1024, "mib", "mebibyte", "mebibytes");
        unit("byte", 1024 * 1024 * 1024, "gib", "gibibyte", "gibibytes");
        unit("byte", 1024d * 1024 * 1024 * 1024, "tib", "tebibyte", "tebibytes");
        unit("byte", 1024d * 1024 * 1024 * 1024 * 1024, "pib", "pebibyte", "pebibytes");
        unit("byte", 1e15, "petabyte", "petabytes");
        unit("l", 1, "l", "litre", "litres", "liter", "liters");
        unit("l", 0.001, "ml", "millilitre", "millilitres", "milliliter", "milliliters");
        unit("%", 1, "%", "percent", "per cent", "pct");
        unit("pp", 1, "percentage point", "percentage points");
        // temperatures in kelvin, so 100 °C is 373.15 K and 212 °F
        offsetUnit("kelvin", 1, 273.15, "°c", "celsius", "degrees celsius", "degree celsius", "c°", "deg c");
        offsetUnit("kelvin", 5.0 / 9, 273.15 - 32 * 5.0 / 9, "°f", "fahrenheit", "degrees fahrenheit", "degree fahrenheit",
                "deg f");
        unit("kelvin", 1, "k", "kelvin", "kelvins");
        unit("pa", 1, "pa", "pascal", "pascals");
        unit("pa", 100, "hpa", "hectopascal", "hectopascals", "mbar", "millibar", "millibars");
        unit("pa", 1000, "kpa", "kilopascal", "kilopascals");
        unit("pa", 1e6, "mpa", "megapascal", "megapascals");
        unit("pa", 1e5, "bar", "bars");
        unit("pa", 101325, "atm", "atmosphere", "atmospheres");
        unit("pa", 6894.757, "psi");
        unit("pa", 133.322, "mmhg");
        unit("j", 1, "j", "joule", "joules");
        unit("j", 1000, "kj", "kilojoule", "kilojoules");
        unit("j", 1e6, "mj", "megajoule", "megajoules");
        unit("j", 4.184, "cal", "calorie", "calories");
        unit("j", 4184, "kcal", "kilocalorie", "kilocalories");
        unit("j", 3600, "wh", "watt-hour", "watt-hours");
        unit("j", 3.6e6, "kwh", "kilowatt-hour", "kilowatt-hours");
        unit("w", 1, "w", "watt", "watts");
        unit("w", 1000, "kw", "kilowatt", "kilowatts");
        unit("w", 1e6, "megawatt", "megawatts");
        unit("w", 745.7, "hp", "horsepower");
        unit("w", 0.29307107, "btu/h", "btu/hr", "btuh", "btu per hour", "btus per hour", "british thermal units per hour",
                "british thermal unit per hour");
        // a "BTU" alone is left without a unit: for an air conditioner it is said for BTU per hour ("a 12,000 BTU unit")
        unit("bit/s", 1, "bps", "bit/s", "bits per second");
        unit("bit/s", 1e3, "kbps", "kbit/s", "kilobits per second");
        unit("bit/s", 1e6, "mbps", "mbit/s", "megabits per second");
        unit("bit/s", 1e9, "gbps", "gbit/s", "gigabits per second");
        unit("hz", 1, "hz", "hertz");
        unit("hz", 1e3, "khz", "kilohertz");
        unit("hz", 1e6, "mhz", "megahertz");
        unit("hz", 1e9, "ghz", "gigahertz");
        unit("l", 3.785411784, "gal", "gallon", "gallons", "us gal", "us gallon", "us gallons");
        unit("l", 0.946352946, "quart", "quarts", "qt");
        unit("l", 0.473176473, "pint", "pints");
        unit("l", 0.0295735296, "fl oz", "fluid ounce", "fluid ounces", "us fl oz", "us fluid ounce", "us fluid ounces");
        // US customary kitchen measures (a metric cup of 250 ml is within 6 %, not the same)
        unit("l", 0.2365882365, "cup", "cups", "us cup", "us cups");
        unit("l", 0.01478676478125, "tbsp", "tablespoon", "tablespoons");
        unit("l", 0.00492892159375, "tsp", "teaspoon", "teaspoons");
        unit("l", 4.54609, "imperial gallon", "imperial gallons", "imp gal", "uk gal", "uk gallon", "uk gallons");
        unit("m", 1852, "nmi", "nautical mile", "nautical miles");
        unit("m", 9.4607304725808e15, "ly", "light year", "light years", "light-year", "light-years");
        unit("g", 6350.29318, "stone", "stones");
        unit("g", 31.1034768, "ozt", "troy ounce", "troy ounces", "troy oz");
        unit("pa", 3386.389, "inhg", "in hg", "inch of mercury", "inches of mercury");
        unit("m/s", 1, "m/s", "metres per second", "meters per second", "metre per second", "meter per second");
        unit("m/s", 1000.0 / 3600, "kilometres per hour", "kilometers per hour", "km per hour", "kilometres an hour",
                "kilometers an hour", "km an hour");
        unit("m/s", 1609.344 / 3600, "miles per hour", "mile per hour", "miles an hour", "mile an hour");
        // a basis point is a hundredth of a percentage point
        unit("pp", 0.01, "bp", "basis point", "basis points");
        unit("l", 0.016387064, "cubic inch", "cubic inches", "in³", "in^3");
        unit("l", 1000, "m³", "m^3", "cubic metre", "cubic metres", "cubic meter", "cubic meters");
        unit("l", 28.316846592, "ft³", "ft^3", "cu ft", "cubic foot", "cubic feet");
        unit("l", 764.554857984, "yd³", "yd^3", "cu yd", "cubic yard", "cubic yards");
        unit("l", 0.001, "cm³", "cm^3", "cc", "cubic centimetre", "cubic centimetres", "cubic centimeter", "cubic centimeters");
        unit("g", 28.349523125, "oz", "ounce", "ounces");
        unit("g", 453.59237, "pound", "pounds");
        unit("g", 1e6, "tonne", "tonnes", "metric ton", "metric tons");
        unit("m", 0.9144, "yd", "yard", "yards");
        unit("m²", 1, "m²", "m^2", "sq m", "square metre", "square metres", "square meter", "square meters");
        unit("m²", 1e-4, "cm²", "cm^2", "square centimetre", "square centimetres", "square centimeter",
                "square centimeters");
        unit("m²", 1e6, "km²", "km^2", "sq km", "square kilometre", "square kilometres", "square kilometer",
                "square kilometers");
        unit("m²", 1e4, "ha", "hectare", "hectares");
        unit("m²", 4046.8564224, "acre", "acres");
        unit("m²", 0.09290304, "ft²", "ft^2", "sq ft", "square foot", "square feet");
        unit("m²", 2589988.110336, "mi²", "mi^2", "sq mi", "square mile", "square miles");
        unit("m", 1e-6, "µm", "micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns");
        unit("m", 1e-9, "nm", "nanometre", "nanometres", "nanometer", "nanometers");
                unit("m/s", 1000.0 / 3600, "km/h", "kmh", "km/hr");
        unit("m/s", 0.514444, "knot", "knots");
        unit("s", SECONDS_A_YEAR, "year", "years", "yr", "yrs");
        unit("s", SECONDS_A_YEAR * 10, "decade", "decades");
        unit("s", SECONDS_A_YEAR * 100, "century", "centuries");
        unit("s", SECONDS_A_YEAR * 1000, "millennium", "millennia");
        unit("s", 2629800, "month", "months");
        unit("usd", 1, "usd", "us dollars", "us dollar", "dollars", "dollar");
        unit("eur", 1, "eur", "euro", "euros");
        unit("gbp", 1, "gbp");
        unit("m/s", 1000.0 / 3600, "kph");
        unit("m/s", 1609.344 / 3600, "mph");
        // screen and type sizes in CSS pixels: a point is 1/72 inch, a pixel 1/96 ("12 pt" is 16 px)
        unit("px", 1, "px", "pixel", "pixels");
        unit("px", 96.0 / 72, "pt");
        // metric units with a prefix, spelled out ("5 MW" is read as "5 megawatt", see spelledUnits); the names
        // already above keep their meaning
        for (Object[] metric : METRIC) {
            for (Map.Entry<String, Double> prefix : PREFIX_FACTORS.entrySet()) {
                String name = prefix.getKey() + metric[0];
                Unit unit = new Unit((String) metric[1], prefix.getValue() * (Double) metric[2]);
                UNITS.putIfAbsent(name, unit);
                UNITS.putIfAbsent(name.endsWith("hertz") ? name : name + "s", unit);
            }
        }
        unit("a", 1, "amp", "amps");
        unit("j", 1.602176634e-19, "ev");
        CURRENCY_SIGNS.put("$", new Unit("usd", 1));
        CURRENCY_SIGNS.put("€", new Unit("eur", 1));
        CURRENCY_SIGNS.put("£", new Unit("gbp", 1));
        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < small.length; i++) {
            SMALL_NUMBERS.put(small[i], i);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            TENS.put(tens[i], (i + 2) * 10);
        }
        String[] ordinals = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth"};
        for (int i = 0; i < ordinals.length; i++) {
            ORDINAL_DAYS.put(ordinals[i], i + 1);
            if (i < 9) {
                ORDINAL_DAYS.put("twenty-" + ordinals[i], 21 + i);
            }
        }
        ORDINAL_DAYS.put("thirtieth", 30);
        ORDINAL_DAYS.put("thirty-first", 31);
        String[] romans = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
            "xv", "xvi", "xvii", "xviii", "xix", "xx"};
        for (int i = 0; i < romans.length; i++) {
            ROMAN.put(romans[i], i + 1);
        }
        for (String name : HOLIDAYS.keySet()) {
            int end = 0;
            while (end < name.length() && isLetter(name.charAt(end))) {
                end++;
            }
            HOLIDAY_WORDS.add(name.substring(0, end));
        }
        SCALES.put("dozen", 12d);
        SCALES.put("hundred", 100d);
        SCALES.put("thousand", 1e3);
        SCALES.put("million", 1e6);
        SCALES.put("billion", 1e9);
        SCALES.put("trillion", 1e12);
        String[][] months = {{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
            {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"}, {"october", "oct"},
            {"november", "nov"}, {"december", "dec"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                MONTHS.put(name, i + 1);
            }
        }
        String[][] weekdays = {{"monday", "mondays", "mon"}, {"tuesday", "tuesdays", "tues", "tue"},
            {"wednesday", "wednesdays", "wed"}, {"thursday", "thursdays", "thurs", "thu"}, {"friday", "fridays", "fri"},
            {"saturday", "saturdays"}, {"sunday", "sundays"}};
        for (int i = 0; i < weekdays.length; i++) {
            for (String name : weekdays[i]) {
                WEEKDAYS.put(name, i + 1);
            }
        }
    }

    private static void unit(String base, double factor, String... names) {
        for (String name : names) {
            UNITS.put(name, new Unit(base, factor));
            unitWords(name);
        }
    }

    /** The words of a unit named in several ("basis", "points"), but "us" (a pronoun as often). */
    private static void unitWords(String name) {
        if (name.indexOf(' ') > 0) {
            String[] words = name.split(" ");
            unitWordsMost = Math.max(unitWordsMost, words.length);
            for (String word : words) {
                if (!word.equals("us")) {
                    UNIT_WORDS.add(word);
                }
            }
        }
    }

    private static void offsetUnit(String base, double factor, double offset, String... names) {
        for (String name : names) {
            UNITS.put(name, new Unit(base, factor, offset));
            unitWords(name);
        }
    }

    private Quantities() {
    }

    /**
     * Whether the text hedges its numbers (about, roughly, approximately, around, ~, nearly, almost, circa; just or a
     * little under or over a number, close to one).
     */
    static boolean approximate(String lower) {
        return lower.contains("about") || lower.contains("rough") || lower.contains("approx")
                || lower.contains("around") || lower.indexOf('~') >= 0 || lower.contains("nearly")
                || lower.contains("almost") || lower.contains("circa") || lower.contains("≈")
                || hedgeBeforeNumber(lower);
    }

    /**
     * Whether "just under", "a little over", "close to" or the like comes right before a number ("a little under 3.8
     * litres"; not "a village close to Lyon", "just over the border").
     */
    private static boolean hedgeBeforeNumber(String lower) {
        for (String hedge : HEDGES_BEFORE_NUMBER) {
            int at = lower.indexOf(hedge);
            while (at >= 0) {
                int next = at + hedge.length();
                if (next < lower.length() && CURRENCY_SIGNS.containsKey(String.valueOf(lower.charAt(next)))) {
                    next++;
                }
                if (numberAt(lower, next)) {
                    return true;
                }
                at = lower.indexOf(hedge, at + 1);
            }
        }
        return false;
    }

    /** Every quantity of X has a match in Y. */
    static boolean covers(List<Quantity> y, List<Quantity> x, boolean approximate) {
        // the weekday of a date the other gives in full is no more than that date ("Monday, 4 January 2021")
        boolean fullDate = has(y, "day") && has(y, "month") && !has(y, "weekday");
        for (Quantity q : x) {
            if (fullDate && "weekday".equals(q.unit())) {
                continue;
            }
            boolean found = false;
            for (Quantity other : y) {
                if (q.matches(other, approximate)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an answer says it gives its date in the Julian calendar ("Julian calendar", "Julian date", "Old Style",
     * "(O.S.)"; not "Julian" alone, which may be a name) and names no Gregorian one ("Gregorian", "New Style").
     */
    static boolean julianDated(String lower) {
        boolean julian = false;
        for (String marker : JULIAN_MARKERS) {
            julian |= lower.contains(marker);
        }
        return julian && !lower.contains("gregorian") && !lower.contains("new style") && !lower.contains("(n.s.)");
    }

    /**
     * The quantities with the one date they hold (a day, a month and a year from 1583, the first year wholly
     * Gregorian, to 2100) moved from the Julian calendar to the Gregorian, by ThreeTen-Extra's {@link JulianDate};
     * {@code null} when they hold no such date, or more than one.
     */
    static List<Quantity> gregorian(List<Quantity> quantities) {
        int[] at = oneDate(quantities);
        if (at == null) {
            return null;
        }
        int day = at[0];
        int month = at[1];
        int year = at[2];
        LocalDate date;
        try {
            date = LocalDate.from(JulianDate.of((int) quantities.get(year).value(), (int) quantities.get(month).value(),
                    (int) quantities.get(day).value()));
        } catch (DateTimeException e) {
            return null;
        }
        List<Quantity> moved = new ArrayList<>(quantities);
        moved.set(day, new Quantity(date.getDayOfMonth(), "day"));
        moved.set(month, new Quantity(date.getMonthValue(), "month"));
        moved.set(year, new Quantity(date.getYear(), null));
        return moved;
    }

    private static boolean has(List<Quantity> quantities, String unit) {
        for (Quantity q : quantities) {
            if (unit.equals(q.unit())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unit per another written with a power of minus one ("20 m·s⁻¹", "5 km h^-1", "20 ms⁻¹") as with a slash
     * ("m/s").
     */
    static String perUnit(String text) {
        return text.indexOf('\u207b') < 0 && !text.contains("^-1") ? text : PER_UNIT.matcher(text).replaceAll("$1/$2");
    }

    /** A decimal written without its leading zero (".375", "-.5") with it ("0.375"), so that it is read whole. */
    static String leadingZero(String text) {
        StringBuilder out = null;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '.' && isDigit(text.charAt(i + 1))
                    && (i == 0 || " (-−$=~≈:".indexOf(text.charAt(i - 1)) >= 0)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 4).append(text, 0, i);
                }
                out.append('0');
            }
            if (out != null) {
                out.append(text.charAt(i));
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text.charAt(text.length() - 1)).toString();
    }

    /**
     * Fractions written as one character ("2⅓", "1½", "¾") as decimals, to the last digit a double holds ("2⅓" is
     * "2.333333333333333"); the text itself when it holds none.
     */
    private static String vulgarFractions(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // (the map asked only for the two runs of characters it holds: most texts hold none)
            String decimals = c >= '\u00bc' && c <= '\u00be' || c >= '\u2153' && c <= '\u215e' ? VULGAR.get(c) : null;
            if (decimals == null) {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            boolean whole = i > 0 && isDigit(text.charAt(i - 1));
            if (!whole && i > 1 && text.charAt(i - 1) == ' ' && isDigit(text.charAt(i - 2))) {
                // "2 ½": the space before the fraction goes
                out.setLength(out.length() - 1);
                whole = true;
            }
            boolean afterLetter = i > 0 && isLetter(text.charAt(i - 1));
            out.append(whole ? decimals.substring(1) : afterLetter ? " " + decimals : decimals);
        }
        return out == null ? text : out.toString();
    }

    /**
     * An amount written with points between its thousands and a decimal comma ("1.234,56 €", "12.500,5") in the usual
     * notation ("1234.56"), and a lone decimal comma ({@link #LONE_DECIMAL_COMMA}); the text itself when it holds
     * none. "1,234" and "1.234" alone are left as they are.
     */
    private static String decimalComma(String text) {
        if (text.indexOf('.') >= 0) {
            text = dottedThousands(text);
            if (text.indexOf(',') >= 0) {
                text = DECIMAL_COMMA.matcher(text).replaceAll(match -> match.group(1)
                        + match.group(2).replace(".", "") + "." + match.group(3));
            }
        }
        if (text.indexOf(',') < 0) {
            return text;
        }
        return LONE_DECIMAL_COMMA.matcher(text).replaceAll(found -> found.group(1) != null
                ? found.group(1) + "." + found.group(2) : found.group(3) + "." + found.group(4));
    }

    /** Thousands after points with no decimal ({@link #DOTTED_THOUSANDS}) without their points. */
    private static String dottedThousands(String text) {
        // (the pattern only where a digit, a point, three digits and a point stand in a row)
        boolean candidate = false;
        for (int dot = text.indexOf('.'); dot > 0 && !candidate; dot = text.indexOf('.', dot + 1)) {
            candidate = dot + 4 < text.length() && text.charAt(dot + 4) == '.' && isDigit(text.charAt(dot - 1))
                    && isDigit(text.charAt(dot + 1)) && isDigit(text.charAt(dot + 2)) && isDigit(text.charAt(dot + 3));
        }
        if (!candidate) {
            return text;
        }
        String read = text;
        return DOTTED_THOUSANDS.matcher(text).replaceAll(match -> {
            String[] groups = match.group().split("\\.");
            String before = read.substring(Math.max(0, match.start() - 8), match.start());
            boolean kept = groups.length == 4 || before.endsWith("version ") || before.endsWith("release ");
            for (String group : groups) {
                // an IPv4 address: four groups up to 255, none with a leading zero
                kept &= groups.length != 4 || Integer.parseInt(group) <= 255
                        && (group.length() == 1 || group.charAt(0) != '0');
            }
            return kept ? match.group() : String.join("", groups);
        });
    }

    /**
     * The text with each metric unit symbol that has a prefix, right after a number, spelled out ("5 MW" as "5
     * megawatt", "4.7 kΩ" as "4.7 kiloohm", "1 µL" as "1 microlitre"): read before the text is put in lower case,
     * where "MW" and "mW" would become one.
     */
    static String spelledUnits(String text) {
        if (!unitAfterDigit(text)) {
            return text;
        }
        Matcher age = GEOLOGIC_AGE.matcher(text);
        if (age.find()) {
            text = age.replaceAll(found -> GEOLOGIC_AGES.get(found.group(1)));
        }
        Matcher m = PREFIXED_UNIT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        do {
            int group = 1;
            while (m.group(group + 1) == null) {
                group += 2;
            }
            m.appendReplacement(out, PREFIX_NAMES.getOrDefault(m.group(group), "") + SYMBOL_NAMES.get(m.group(group + 1)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String unitOpenings() {
        StringBuilder openings = new StringBuilder();
        for (String prefix : PREFIX_NAMES.keySet()) {
            openings.append(prefix);
        }
        for (String symbol : UNPREFIXED) {
            openings.append(symbol.charAt(0));
        }
        return openings.toString();
    }

    /** Whether a digit is followed, right after it or after one space, by a letter a prefixed unit can open with. */
    private static boolean unitAfterDigit(String text) {
        int n = text.length();
        for (int i = 0; i + 1 < n; i++) {
            if (isDigit(text.charAt(i))) {
                int next = text.charAt(i + 1) == ' ' && i + 2 < n ? i + 2 : i + 1;
                if (UNIT_OPENINGS.indexOf(text.charAt(next)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The quantities of a text in lower case (punctuation kept, a Unicode minus already a hyphen), in order.
     */
    static List<Quantity> parse(String lower) {
        // a typographic apostrophe as a plain one ("new year’s day", "four o’clock"); dates with a weekday or an
        // ordinal, units per another, amounts with a decimal comma and fractions in one character ("2⅓"), rewritten
        // (the text parsed is that rewriting)
        String text = vulgarFractions(decimalComma(perUnit(ordinalDates(weekdayDates(leadingZero(lower)
                .replace('\u2019', '\''))))));
        List<Quantity> found = new ArrayList<>(4);
        List<int[]> spans = new ArrayList<>(4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int before = found.size();
            int start = i;
            if (isDigit(c) && i > 0 && text.charAt(i - 1) == '^') {
                // an exponent (s^2, x^3): part of a unit or an expression, not a quantity
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
            } else if (isDigit(c) && (i == 0 || !isLetter(text.charAt(i - 1)))) {
                i = number(text, i, found);
            } else if (isDigit(c)) {
                // digits inside a word ("c12h22o11", "ghs02", "e10.9") are a bare number each, with no unit read after
                // them ("2h" in "c12h22o11" is no two hours), and one decimal point at most ("v1.2.3" is 1.2, then 3)
                int end = i;
                boolean point = false;
                while (end < n && (isDigit(text.charAt(end)) || !point && text.charAt(end) == '.' && end + 1 < n
                        && isDigit(text.charAt(end + 1)))) {
                    point |= text.charAt(end) == '.';
                    end++;
                }
                String digits = text.substring(i, end);
                int dot = digits.indexOf('.');
                double precision = dot < 0 ? 1 : Math.pow(10, -(digits.length() - dot - 1));
                double value = Double.parseDouble(digits);
                found.add(new Quantity(value, null, value, precision, precision, 1));
                i = end;
            } else if (isLetter(c) && (i == 0 || !isLetterOrDigit(text.charAt(i - 1)))) {
                i = word(text, i, found);
            } else {
                i++;
            }
            for (int k = before; k < found.size(); k++) {
                spans.add(new int[] {start, i});
            }
        }
        // degrees "below zero", a number without a unit: negative, the zero no quantity of its own ("forty degrees
        // below zero" as "minus forty degrees")
        for (int k = 0; k + 1 < found.size(); k++) {
            Quantity q = found.get(k);
            int after = spans.get(k)[1];
            int zero = text.startsWith(BELOW_ZERO, after) ? after : text.startsWith(" degrees" + BELOW_ZERO, after)
                    ? after + 8 : -1;
            if (q.unit() == null && q.value() > 0 && zero >= 0 && found.get(k + 1).value() == 0
                    && spans.get(k + 1)[0] == zero + BELOW_ZERO.length() - 4) {
                found.set(k, new Quantity(-q.value(), null, -q.stated(), q.precision(), q.loose(), q.factor()));
                found.remove(k + 1);
                spans.remove(k + 1);
            }
        }
        // the first time of a range with one zone after its last is in that zone too ("02:00–04:00 UTC", "03:00 to
        // 05:00 CET")
        for (int k = 1; k < found.size(); k++) {
            Quantity last = found.get(k);
            Quantity first = found.get(k - 1);
            String between = text.substring(Math.min(spans.get(k - 1)[1], spans.get(k)[0]), spans.get(k)[0]).strip();
            String firstText = text.substring(spans.get(k - 1)[0], spans.get(k - 1)[1]);
            // (times on the 24-hour clock only: "3:00 to 5:00 p.m." may start in the morning or the afternoon)
            if (UTC_TIME.equals(last.unit()) && first.unit() == null && RANGE_WORDS.contains(between)
                    && firstText.indexOf(':') > 0 && firstText.indexOf('m') < 0
                    && text.substring(spans.get(k)[0], spans.get(k)[1]).indexOf('m') < 0) {
                double utc = first.value() - (last.stated() - last.value());
                if (utc >= 0 && utc < 24) {
                    found.set(k - 1, new Quantity(utc, UTC_TIME, first.value()));
                }
            }
        }
        // "in" that ends a text or a clause right after a bare number is an inch ("30 in", "a 27 in, 4K screen"), not
        // the preposition ("rose 5 % in 2020", "30 in total")
        for (int k = 0; k < found.size(); k++) {
            Quantity q = found.get(k);
            int after = spans.get(k)[1];
            if (q.unit() == null && text.startsWith(" in", after)
                    && (after + 3 == n || ".,;)".indexOf(text.charAt(after + 3)) >= 0)) {
                found.set(k, new Quantity(q.value() * INCH, "m", q.stated(), q.precision() * INCH, q.loose() * INCH,
                        INCH));
                spans.get(k)[1] = after + 3;
            }
        }
        // a compound quantity in falling units of one kind is one quantity ("2 h 30 min", "5 ft 10 in", "1 kg 200 g")
        for (int k = found.size() - 1; k > 0; k--) {
            Quantity big = found.get(k - 1);
            Quantity small = found.get(k);
            int after = spans.get(k)[1];
            if (small.unit() == null && "m".equals(big.unit()) && big.factor() == FOOT && text.startsWith(" in", after)
                    && (after + 3 == text.length() || !isLetter(text.charAt(after + 3)))) {
                // "in" is an inch only after feet ("6 ft 7 in"), elsewhere the preposition
                small = new Quantity(small.value() * INCH, "m", small.stated(), small.precision() * INCH,
                        small.loose() * INCH, INCH);
                found.set(k, small);
                spans.get(k)[1] = after + 3;
            }
            int gap = spans.get(k)[0] - spans.get(k - 1)[1];
            String between = gap >= 0 ? text.substring(spans.get(k - 1)[1], spans.get(k)[0]).strip() : "?";
            if ((between.equals("in") || between.equals("out of")) && big.unit() == null && small.unit() == null
                    && big.value() == 1 && small.value() > 1 && small.value() == Math.rint(small.value())
                    && !(year(small.value()) && text.substring(spans.get(k)[0], spans.get(k)[1]).indexOf(',') < 0)) {
                // odds: "1 in 1,000", "one in forty", "1 out of 4 adults" are a share (0.001, 2.5 %, 25 %); not "1 in
                // 2019", a year, nor "3 in 7 appearances", a count
                found.set(k - 1, new Quantity(big.value() / small.value(), null));
                found.remove(k);
                spans.get(k - 1)[1] = spans.get(k)[1];
                spans.remove(k);
                continue;
            }
            int cents = small.unit() == null && big.unit() != null && CURRENCIES.contains(big.unit()) && small.value() >= 1
                    && small.value() < 100 && small.value() == Math.rint(small.value()) ? subunit(text, after) : after;
            if (cents > after && between.equals("and")) {
                // "3,450 euros and 75 cents", "ten pounds and fifty pence": the coins in the currency's hundredths
                found.set(k - 1, new Quantity(big.value() + small.value() / 100, big.unit(), big.stated(), 0.01, 0.01,
                        1));
                found.remove(k);
                spans.get(k - 1)[1] = cents;
                spans.remove(k);
                continue;
            }
            if (big.unit() != null && big.unit().equals(small.unit()) && big.factor() > small.factor() * 1.5
                    && small.factor() > 0 && (between.isEmpty() || between.equals("and") || between.equals(","))
                    && !"kelvin".equals(big.unit())) {
                found.set(k - 1, new Quantity(big.value() + small.value(), big.unit(), big.stated(),
                        small.precision(), small.loose(), small.factor()));
                found.remove(k);
                spans.get(k - 1)[1] = spans.get(k)[1];
                spans.remove(k);
            }
        }
        // dimensions: the unit after the last number is every number's ("210 × 297 mm", "2 by 4 m")
        for (int k = found.size() - 2; k >= 0; k--) {
            Quantity bare = found.get(k);
            Quantity next = found.get(k + 1);
            int gap = spans.get(k + 1)[0] - spans.get(k)[1];
            String between = gap >= 0 ? text.substring(spans.get(k)[1], spans.get(k + 1)[0]).strip() : "?";
            if (bare.unit() == null && next.unit() != null && next.factor() > 0 && !"kelvin".equals(next.unit())
                    && (between.equals("\u00d7") || between.equals("x") || between.equals("by"))) {
                found.set(k, new Quantity(bare.value() * next.factor(), next.unit(), bare.stated(),
                        bare.precision() * next.factor(), bare.loose() * next.factor(), next.factor()));
            }
        }
        shortYears(text, found, spans);
        // a small whole number right before or after a month name is the day of that month ("4 July", "July 4,")
        for (int k = 0; k < found.size(); k++) {
            if (!"month".equals(found.get(k).unit())) {
                continue;
            }
            for (int side : new int[] {k - 1, k + 1}) {
                if (side < 0 || side >= found.size()) {
                    continue;
                }
                Quantity q = found.get(side);
                int gap = side < k ? spans.get(k)[0] - spans.get(side)[1] : spans.get(side)[0] - spans.get(k)[1];
                // ("the 15th of May" too)
                boolean of = side < k && gap == 4 && text.startsWith(" of ", spans.get(side)[1]);
                if (q.unit() == null && gap >= 0 && (gap <= 2 || of) && q.value() >= 1 && q.value() <= 31
                        && q.value() == Math.rint(q.value())) {
                    found.set(side, new Quantity(q.value(), "day"));
                }
            }
        }
        // a run of digits longer than a double holds ("9999…" thousands of times) is no quantity
        found.removeIf(q -> !Double.isFinite(q.value()));
        return found;
    }

    /**
     * Where the one date of the quantities is: its day, month and year (a whole number without a unit from {@value
     * #FIRST_GREGORIAN_YEAR} to {@value #LAST_CONVERTED_YEAR}); {@code null} when they hold no such date or more than
     * one.
     */
    private static int[] oneDate(List<Quantity> quantities) {
        int day = -1;
        int month = -1;
        int year = -1;
        for (int k = 0; k < quantities.size(); k++) {
            Quantity q = quantities.get(k);
            if (q.value() != Math.rint(q.value())) {
                continue;
            }
            int previous;
            if ("day".equals(q.unit())) {
                previous = day;
                day = k;
            } else if ("month".equals(q.unit())) {
                previous = month;
                month = k;
            } else if (q.unit() == null && q.value() >= FIRST_GREGORIAN_YEAR && q.value() <= LAST_CONVERTED_YEAR) {
                previous = year;
                year = k;
            } else {
                continue;
            }
            if (previous >= 0) {
                return null;
            }
        }
        return day < 0 || month < 0 || year < 0 ? null : new int[] {day, month, year};
    }

    /**
     * The text with a date said in ordinals given as the date it is ("the eleventh hour of the eleventh day of the
     * eleventh month of 1918" is "november 11 1918, 11:00"), so that it is read as that date.
     */
    static String ordinalDates(String text) {
        if (text.indexOf(" month") < 0) {
            return text;
        }
        Matcher m = ORDINAL_DATE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            Integer hour = m.group(1) == null ? null : ORDINAL_DAYS.get(m.group(1));
            Integer day = ORDINAL_DAYS.get(m.group(2));
            Integer month = ORDINAL_DAYS.get(m.group(3));
            if (day == null || month == null || month > 12 || m.group(1) != null && (hour == null || hour > 24)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(MONTH_NAMES[month - 1]).append(' ').append(day);
            if (m.group(4) != null) {
                out.append(' ').append(m.group(4));
            }
            if (hour != null) {
                out.append(", ").append(hour).append(":00");
            }
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * The text with a weekday of a month of a year given as the date it is ("the second Monday of January 2025" is
     * "the january 13 2025", "the last Friday in May 2024" is "the may 31 2024"), so that it is read as that date.
     */
    static String weekdayDates(String text) {
        if (text.indexOf("day ") < 0 || text.indexOf(" of ") < 0 && text.indexOf(" in ") < 0) {
            return text;
        }
        Matcher m = WEEKDAY_DATE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            int year = Integer.parseInt(m.group(4));
            Integer month = MONTHS.get(m.group(3));
            int ordinal = WEEKDAY_ORDINALS.indexOf(m.group(1));
            if (month == null || month > 12 || year < 1583 || year > 9999) {
                continue;
            }
            DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date = first.with(ordinal == WEEKDAY_ORDINALS.size() - 1
                    ? TemporalAdjusters.lastInMonth(day)
                    : TemporalAdjusters.dayOfWeekInMonth(ordinal % 5 + 1, day));
            if (date.getMonthValue() != month) {
                continue; // no fifth Monday that month
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(m.group(3)).append(' ').append(date.getDayOfMonth()).append(' ')
                    .append(year);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * A year of two digits after an apostrophe in a date ("June 6th, '44", "9 Nov '89") is the year of the century
     * that puts it at most {@value #SHORT_YEAR_AHEAD} years ahead of this one: 1944, 1989, 2021. Not a decade ("the
     * '80s").
     */
    private static void shortYears(String text, List<Quantity> found, List<int[]> spans) {
        boolean date = false;
        for (Quantity q : found) {
            date |= "month".equals(q.unit());
        }
        if (!date) {
            return;
        }
        for (int k = 0; k < found.size(); k++) {
            Quantity q = found.get(k);
            int start = spans.get(k)[0];
            int end = spans.get(k)[1];
            if (q.unit() == null && end - start == 2 && start >= 1 && text.charAt(start - 1) == '\''
                    && (start == 1 || !isLetterOrDigit(text.charAt(start - 2)))
                    && (end == text.length() || !isLetterOrDigit(text.charAt(end)))) {
                int thisYear = Year.now(ZoneOffset.UTC).getValue();
                int century = thisYear / 100 * 100;
                int year = century + (int) q.value() > thisYear + SHORT_YEAR_AHEAD
                        ? century - 100 + (int) q.value() : century + (int) q.value();
                found.set(k, new Quantity(year, null));
            }
        }
    }

    private static int number(String text, int start, List<Quantity> found) {
        int n = text.length();
        boolean negative = start > 0 && text.charAt(start - 1) == '-'
                && (start == 1 || !isLetterOrDigit(text.charAt(start - 2)));
        Unit currency = null;
        int before = negative ? start - 2 : start - 1;
        if (before >= 0) {
            currency = CURRENCY_SIGNS.get(String.valueOf(text.charAt(before)));
            // a minus before the currency sign ("-$250")
            if (currency != null && !negative && before > 0 && text.charAt(before - 1) == '-'
                    && (before == 1 || !isLetterOrDigit(text.charAt(before - 2)))) {
                negative = true;
            }
        }
        // the word for it ("minus 89.2 degrees", "negative 5")
        negative |= minusWord(text, negative ? start - 1 : start);
        // ISO date 2024-03-15
        // (and an ISO date-time 2024-03-15T14:30, in UTC or local time: the time is read next; one with another
        // offset is another instant, left unread)
        boolean dateTime = start + 12 <= n && text.charAt(start + 10) == 't' && isDigit(text.charAt(start + 11))
                && utcOrLocal(text, start + 11);
        int offset = start + 12 <= n && text.charAt(start + 10) == 't' && isDigit(text.charAt(start + 11)) && !dateTime
                ? inUtc(text, start, found) : -1;
        if (offset > 0) {
            return offset;
        }
        if (start + 10 <= n && isDigits(text, start, 4) && text.charAt(start + 4) == '-' && isDigits(text, start + 5, 2)
                && text.charAt(start + 7) == '-' && isDigits(text, start + 8, 2)
                && (start + 10 == n || dateTime || !isLetterOrDigit(text.charAt(start + 10)))) {
            found.add(new Quantity(Integer.parseInt(text, start, start + 4, 10), null));
            found.add(new Quantity(Integer.parseInt(text, start + 5, start + 7, 10), "month"));
            found.add(new Quantity(Integer.parseInt(text, start + 8, start + 10, 10), "day"));
            // the time of day after the "t" (it follows a letter, so the loop in parse would skip its first digit)
            return dateTime ? number(text, start + 11, found) : start + 10;
        }
        int i = start;
        StringBuilder digits = new StringBuilder(12);
        while (i < n && isDigit(text.charAt(i))) {
            digits.append(text.charAt(i++));
        }
        // a date with dots, day first: 29.06.2007, 1.6.2024
        int[] dotted = dottedDate(text, i, digits.length());
        if (dotted != null) {
            found.add(new Quantity(Integer.parseInt(digits.toString()), "day"));
            found.add(new Quantity(dotted[0], "month"));
            found.add(new Quantity(dotted[1], null));
            return dotted[2];
        }
        // a slash date whose order of day and month is known: a number over 12, or the format written beside it
        // ("03/04/2025 (MM/DD/YYYY)" is 4 March); an ambiguous one stays three numbers
        int[] slashed = slashDate(text, i, digits.length());
        if (slashed != null) {
            found.add(new Quantity(slashed[0], "day"));
            found.add(new Quantity(slashed[1], "month"));
            found.add(new Quantity(slashed[2], null));
            return slashed[3];
        }
        // clock time 14:32, 2:32 pm, 14:32:05
        if (i < n && text.charAt(i) == ':' && digits.length() <= 2 && isDigits(text, i + 1, 2)
                && (i + 3 == n || !isDigit(text.charAt(i + 3)))) {
            double hours = Integer.parseInt(digits.toString()) + Integer.parseInt(text, i + 1, i + 3, 10) / 60.0;
            int end = i + 3;
            if (end < n && text.charAt(end) == ':' && isDigits(text, end + 1, 2)
                    && (end + 3 == n || !isDigit(text.charAt(end + 3)))) {
                // seconds ("22:13:20", "10:13:20 p.m.", "14:30:00z")
                hours += Integer.parseInt(text, end + 1, end + 3, 10) / 3600.0;
                end += 3;
            }
            int[] meridiem = meridiem(text, end);
            if (meridiem != null) {
                boolean pm = text.charAt(meridiem[0]) == 'p';
                hours = pm ? (hours < 12 ? hours + 12 : hours) : (hours >= 12 ? hours - 12 : hours);
                end = meridiem[1];
            }
            return inZone(text, end, hours, found);
        }
        // Indian grouping: 1,00,000 (a lakh) / 1,00,00,000 (a crore): groups of two, then one of three
        int indian = i;
        // (a few groups at most: a run of two-digit groups that ends in no group of three is read once, not from each
        // of its numbers again, "1,11,11,11,…")
        while (digits.length() <= 2 && indian < n && indian - i < INDIAN_GROUPS * 3 && text.charAt(indian) == ','
                && isDigits(text, indian + 1, 2) && indian + 3 < n && text.charAt(indian + 3) == ',') {
            indian += 3;
        }
        if (indian > i && isDigits(text, indian + 1, 3) && (indian + 4 >= n || !isDigit(text.charAt(indian + 4)))) {
            for (int g = i; g < indian; g += 3) {
                digits.append(text, g + 1, g + 3);
            }
            digits.append(text, indian + 1, indian + 4);
            i = indian + 4;
        }
        // thousands separators: 1,000 / 1 000 (a group of exactly three digits)
        if (digits.length() <= 3) {
            while (i < n && (text.charAt(i) == ',' || text.charAt(i) == ' '
                    || text.charAt(i) == '\u00a0' || text.charAt(i) == '\u202f' || text.charAt(i) == '\u2009')
                    && isDigits(text, i + 1, 3) && (i + 4 >= n || !isDigit(text.charAt(i + 4)))) {
                digits.append(text, i + 1, i + 4);
                i += 4;
            }
        }
        // a day and month without a year, two digits each, one with a leading zero and one over 12 ("31/01",
        // "04/15"): a fraction is not written so ("25/12" and "13/10" may be fractions, and are read as such)
        if (i + 2 < n && text.charAt(i) == '/' && digits.length() == 2 && isDigits(text, i + 1, 2)
                && (i + 3 == n || !isLetterOrDigit(text.charAt(i + 3)) && text.charAt(i + 3) != '/')
                && (digits.charAt(0) == '0' || text.charAt(i + 1) == '0') && !negative) {
            int first = Integer.parseInt(digits.toString());
            int second = Integer.parseInt(text, i + 1, i + 3, 10);
            int day = first > 12 ? first : second;
            int month = first > 12 ? second : first;
            // (not a mark out of twenty: "09/20")
            if ((first > 12) != (second > 12) && day <= 31 && month >= 1 && second != 20) {
                found.add(new Quantity(day, "day"));
                found.add(new Quantity(month, "month"));
                return i + 3;
            }
        }
        // a fraction of small whole numbers standing alone ("3/4", "1/6"): its value
        if (i < n && text.charAt(i) == '/' && i + 1 < n && isDigit(text.charAt(i + 1)) && digits.length() <= 3
                && (start == 0 || text.charAt(start - 1) == ' ')) {
            int d = i + 1;
            while (d < n && isDigit(text.charAt(d))) {
                d++;
            }
            if (d - i - 1 <= 3 && (d == n || !isLetterOrDigit(text.charAt(d)) && text.charAt(d) != '/'
                    && !(text.charAt(d) == '.' && d + 1 < n && isDigit(text.charAt(d + 1))))) {
                double denominator = Double.parseDouble(text.substring(i + 1, d));
                if (denominator > 0) {
                    double fraction = Double.parseDouble(digits.toString()) / denominator;
                    found.add(new Quantity(negative ? -fraction : fraction, null));
                    return d;
                }
            }
        }
        // slash date 30/06/2026 or a fraction: numbers of their own
        if (i < n && text.charAt(i) == '/' && i + 1 < n && isDigit(text.charAt(i + 1))) {
            found.add(new Quantity(Double.parseDouble(digits.toString()), null));
            return i + 1;
        }
        int decimals = 0;
        if (i + 1 < n && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            digits.append('.');
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                digits.append(text.charAt(i++));
                decimals++;
            }
        }
        double value = Double.parseDouble(digits.toString());
        // the place of the last digit given ("3.14": 0.01), and with an integer's trailing zeros ("about 8,400": 100)
        double precision = Math.pow(10, -decimals);
        int length = digits.length();
        if (decimals > 0 && recurring(text, i, decimals >= 2 && digits.charAt(length - 1) == digits.charAt(length - 2))) {
            // a recurring last digit ("0.3 recurring", "0.333…", "0.1666... (repeating)") is that digit for ever; an
            // ellipsis only after a digit said twice ("3.14…" is pi cut short)
            int last = digits.charAt(digits.length() - 1) - '0';
            value += last * precision / 9;
        }
        double loose = precision;
        for (int z = digits.length() - 1; decimals == 0 && z > 0 && digits.charAt(z) == '0'; z--) {
            loose *= 10;
        }
        // exponent glued (4.2e1) or written out (3 × 10^8, 3 x 10^8)
        if (i + 1 < n && text.charAt(i) == 'e' && (isDigit(text.charAt(i + 1))
                || ((text.charAt(i + 1) == '-' || text.charAt(i + 1) == '+') && i + 2 < n && isDigit(text.charAt(i + 2))))) {
            int j = i + 1;
            int sign = 1;
            if (text.charAt(j) == '-' || text.charAt(j) == '+') {
                sign = text.charAt(j) == '-' ? -1 : 1;
                j++;
            }
            int e = j;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            if (j == n || !isLetter(text.charAt(j))) {
                double power = Math.pow(10, sign * Integer.parseInt(text, e, j, 10));
                value *= power;
                precision *= power;
                loose *= power;
                i = j;
            }
        } else if (i + 1 < n && text.charAt(i) == '^' && (isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '-')) {
            // 10^3
            int j = i + 1;
            int sign = 1;
            if (text.charAt(j) == '-') {
                sign = -1;
                j++;
            }
            int e = j;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            if (j > e) {
                value = Math.pow(value, sign * Integer.parseInt(text, e, j, 10));
                precision = 0;
                loose = 0;
                i = j;
            }
        } else {
            int j = skipSpaces(text, i);
            if (j < n && (text.charAt(j) == '×' || text.charAt(j) == '*' || text.charAt(j) == '·'
                    || (text.charAt(j) == 'x' && j + 1 < n && !isLetter(text.charAt(j + 1))))) {
                int k = skipSpaces(text, j + 1);
                if (k + 2 < n && text.charAt(k) == '1' && text.charAt(k + 1) == '0'
                        && (text.charAt(k + 2) == '^' || text.charAt(k + 2) == '⁸')) {
                    int m = k + 3;
                    int sign = 1;
                    if (m < n && (text.charAt(m) == '-' || text.charAt(m) == '+')) {
                        sign = text.charAt(m) == '-' ? -1 : 1;
                        m++;
                    }
                    int e = m;
                    while (m < n && isDigit(text.charAt(m))) {
                        m++;
                    }
                    if (m > e) {
                        double power = Math.pow(10, sign * Integer.parseInt(text, e, m, 10));
                        value *= power;
                        precision *= power;
                        loose *= power;
                        i = m;
                    }
                }
            }
        }
        if (negative) {
            value = -value;
        }
        // ordinal (19th) and the century it may name; decades and centuries written as the 1800s
        if (i + 1 < n && isOrdinal(text, i)) {
            int end = i + 2;
            int[] next = nextWord(text, end);
            if (next != null && text.startsWith("centur", next[0])) {
                found.add(new Quantity(value, "century"));
                return next[1];
            }
            found.add(new Quantity(value, null));
            return end;
        }
        if (i < n && text.charAt(i) == 's' && (i + 1 == n || !isLetter(text.charAt(i + 1))) && value >= 100
                && value % 100 == 0 && digits.length() == 4) {
            found.add(new Quantity(value / 100 + 1, "century"));
            return i + 1;
        }
        // a suffix or scale word (1.5k, 2 million, 384 thousand)
        int j = i;
        if (j < n && (text.charAt(j) == 'k') && (j + 1 == n || !isLetter(text.charAt(j + 1)))) {
            value *= 1000;
            precision *= 1000;
            loose *= 1000;
            j++;
            i = j;
        } else if (j + 1 < n && text.startsWith("bn", j) && (j + 2 == n || !isLetter(text.charAt(j + 2)))
                || currency != null && j < n && (text.charAt(j) == 'b' || text.charAt(j) == 'm')
                && (j + 1 == n || !isLetter(text.charAt(j + 1)))) {
            // "2bn", and after a currency sign "$1.2B", "€3M" (without one "1.2b" is bytes, "3m" metres)
            double scale = text.charAt(j) == 'm' ? 1e6 : 1e9;
            value *= scale;
            precision *= scale;
            loose *= scale;
            i = text.startsWith("bn", j) ? j + 2 : j + 1;
        } else {
            int[] next = nextWord(text, j < n && text.charAt(j) == '-' ? j + 1 : j);
            if (next != null && next[0] - j <= 1) {
                Double scale = SCALES.get(text.substring(next[0], next[1]));
                if (scale != null && scale >= 1000) {
                    value *= scale;
                    precision *= scale;
                    loose *= scale;
                    i = next[1];
                }
            }
        }
        // fuel consumption, in litres per 100 km or (its inverse) miles per gallon
        int[] fuel = currency == null && value > 0 ? fuel(text, i) : null;
        if (fuel != null) {
            double base = fuel[1] == 0 ? value : (fuel[1] == 1 ? MPG_US : MPG_IMPERIAL) / value;
            // (the inverse's precision: |d(k/v)/dv| = k/v² = base/value)
            double scale = fuel[1] == 0 ? 1 : base / value;
            found.add(new Quantity(base, FUEL, value, precision * scale, loose * scale, 1));
            return fuel[0];
        }
        // a currency sign after (4.99€), a percent sign, or a unit glued or as the next one to three words
        Unit unit = currency;
        if (i + 1 < n && text.charAt(i) == ' ' && text.charAt(i + 1) == '%') {
            i++;
        }
        if (i < n && (text.charAt(i) == '%')) {
            unit = UNITS.get("%");
            i++;
            int[] rate = rate(text, i);
            if (rate != null) {
                Unit per = UNITS.get(text.substring(rate[0], rate[1]));
                unit = new Unit("%/" + per.base(), 1 / per.factor());
                i = rate[2];
            }
        } else if (i < n && CURRENCY_SIGNS.containsKey(String.valueOf(text.charAt(i)))) {
            unit = CURRENCY_SIGNS.get(String.valueOf(text.charAt(i)));
            i++;
        } else {
            int[] matched = unitAfter(text, i);
            if (matched != null) {
                unit = UNITS.get(text.substring(matched[0], matched[1]));
                i = matched[1];
                // "per second", "/s", "an hour": a rate
                int k = skipSpaces(text, i);
                String rest = null;
                int restEnd = k;
                if (k < n && text.charAt(k) == '/') {
                    int[] next = nextWord(text, k + 1);
                    if (next != null && next[0] == k + 1) {
                        rest = text.substring(next[0], next[1]);
                        restEnd = next[1];
                    }
                } else if (text.startsWith("per ", k)) {
                    int[] next = nextWord(text, k + 4);
                    if (next != null) {
                        rest = text.substring(next[0], next[1]);
                        restEnd = next[1];
                    }
                }
                Unit per = rest == null ? null : UNITS.get(rest);
                if (per != null && per.base().equals("s") && unit.base().equals("m")) {
                    unit = new Unit("m/s", unit.factor() / per.factor());
                    i = restEnd;
                } else if (per != null && per.offset() == 0 && unit.offset() == 0 && !per.base().equals(unit.base())) {
                    unit = new Unit(unit.base() + "/" + per.base(), unit.factor() / per.factor());
                    i = restEnd;
                }
            }
        }
        if (unit == null) {
            unit = rangeUnit(text, i);
        } else if (unit == currency) {
            int[] rate = rate(text, i);
            if (rate != null) {
                Unit per = UNITS.get(text.substring(rate[0], rate[1]));
                unit = new Unit(unit.base() + "/" + per.base(), unit.factor() / per.factor());
                i = rate[2];
            }
        }
        if (unit != null) {
            found.add(new Quantity(unit.toBase(value), unit.base(), value, precision * unit.factor(),
                    loose * unit.factor(), unit.factor() + unit.offset()));
        } else if (meridiem(text, i) != null && value >= 1 && value <= 12 && value == Math.rint(value)) {
            // 3pm, 9 am, 12 p.m., 12 a.m. (midnight)
            int[] word = meridiem(text, i);
            boolean pm = text.charAt(word[0]) == 'p';
            return inZone(text, word[1], pm ? (value < 12 ? value + 12 : value) : (value == 12 ? 0 : value), found);
        } else if (value >= 1 && value <= 12 && value == Math.rint(value) && partOfDay(text, i) > 0) {
            // "7 in the morning", "8 in the evening", "11 at night": a time of day
            int end = partOfDay(text, i);
            boolean later = !text.startsWith(" in the morning", i);
            found.add(new Quantity(later ? (value < 12 ? value + 12 : value) : (value == 12 ? 0 : value), null));
            return end;
        } else if (i < n && isLetter(text.charAt(i)) && !isOrdinalEnd(text, i)) {
            // digits glued to letters that are no unit ("3x", "64bit", "v2"): a name or a term, not a quantity
            int end = i;
            while (end < n && isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            return end;
        } else {
            found.add(new Quantity(value, null, value, precision, loose, 1));
        }
        return Math.max(i, start + 1);
    }

    /** The value of a number word up to nineteen ("seven": 7), or {@code null}. */
    static Integer smallNumber(String word) {
        return SMALL_NUMBERS.get(word);
    }

    /**
     * A unit of fuel consumption right after a quantity: {end, 0} for litres per 100 km ("l/100 km", "litres per 100
     * km"), {end, 1} for US miles per gallon ("mpg", "miles per gallon", "mpg (us)"), {end, 2} for imperial ones ("mpg
     * (uk)", "mpg imperial"); {@code null} otherwise.
     */
    private static int[] fuel(String text, int i) {
        Matcher matcher = FUEL_UNIT.matcher(text).region(i, text.length());
        if (!matcher.lookingAt()) {
            return null;
        }
        String gallon = matcher.group(2);
        int kind = matcher.group(1) != null ? 0 : gallon != null && (gallon.contains("uk") || gallon.contains("imperial"))
                ? 2 : 1;
        return new int[] {matcher.end(), kind};
    }

    /**
     * "per month", "/month", "a month", "an hour" right after a quantity: the span of that unit of time and where the
     * rate ends ({start, end, end}), or {@code null}.
     */
    private static int[] rate(String text, int i) {
        int k = skipSpaces(text, i);
        int from;
        if (text.startsWith("per ", k)) {
            from = k + 4;
        } else if (k < text.length() && text.charAt(k) == '/') {
            from = k + 1;
        } else if (text.startsWith("a ", k)) {
            from = k + 2;
        } else if (text.startsWith("an ", k)) {
            from = k + 3;
        } else {
            return null;
        }
        int[] next = nextWord(text, from);
        if (next == null) {
            return null;
        }
        Unit per = UNITS.get(text.substring(next[0], next[1]));
        return per != null && per.base().equals("s") ? new int[] {next[0], next[1], next[1]} : null;
    }

    /**
     * The unit of a range's second number, for a bare first one: "200–400 mg", "4 to 6 hours", "between 2 and 3 kg";
     * {@code null} when no range follows.
     */
    private static Unit rangeUnit(String text, int i) {
        int n = text.length();
        int j = skipSpaces(text, i);
        if (j < n && (text.charAt(j) == '-' || text.charAt(j) == '\u2013' || text.charAt(j) == '\u2014')) {
            j++;
        } else if (text.startsWith("to ", j)) {
            j += 3;
        } else if (text.startsWith("and ", j)) {
            j += 4;
        } else {
            return null;
        }
        j = skipSpaces(text, j);
        if (j >= n || !isDigit(text.charAt(j))) {
            return null;
        }
        while (j < n && (isDigit(text.charAt(j)) || (text.charAt(j) == '.' || text.charAt(j) == ',') && j + 1 < n
                && isDigit(text.charAt(j + 1)))) {
            j++;
        }
        int[] matched = unitAfter(text, j);
        return matched == null ? null : UNITS.get(text.substring(matched[0], matched[1]));
    }

    /** The unit right after a number: glued letters or the next one to three words, longest known first. */
    private static int[] unitAfter(String text, int i) {
        int n = text.length();
        if (i >= n) {
            return null;
        }
        int start = i;
        if (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0' || text.charAt(i) == '\u202f'
                || (text.charAt(i) == '-' && i + 1 < n && isLetter(text.charAt(i + 1)))) {
            start = i + 1;
        }
        if (start >= n) {
            return null;
        }
        char first = text.charAt(start);
        if (first == '°') {
            if (start + 1 < n && (text.charAt(start + 1) == 'c' || text.charAt(start + 1) == 'f')
                    && (start + 2 == n || !isLetter(text.charAt(start + 2)))) {
                return new int[] {start, start + 2};
            }
            return null;
        }
        if (!isLetter(first)) {
            return null;
        }
        // as many words as the longest unit's name: "degrees celsius", "us dollars", "british thermal units per hour"
        int[] best = null;
        int end = start;
        for (int words = 0; words < unitWordsMost; words++) {
            int wordEnd = end;
            while (wordEnd < n && isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd == end) {
                break;
            }
            if (UNITS.containsKey(text.substring(start, wordEnd))) {
                best = new int[] {start, wordEnd};
            }
            // words joined by a space, or by a slash or hyphen within one unit ("km/h", "light-year")
            if (wordEnd + 1 >= n || text.charAt(wordEnd) != ' ' && !((text.charAt(wordEnd) == '/'
                    || text.charAt(wordEnd) == '-') && isLetter(text.charAt(wordEnd + 1)))) {
                break;
            }
            end = wordEnd + 1;
        }
        // a unit raised to a power: "m²", "km^2", "m³" (an area or a volume, not a length)
        if (best != null && best[1] < n) {
            int power = text.charAt(best[1]) == '²' || text.charAt(best[1]) == '³' ? 1
                    : text.charAt(best[1]) == '^' && best[1] + 1 < n && isDigit(text.charAt(best[1] + 1)) ? 2 : 0;
            if (power > 0 && (best[1] + power == n || !isLetterOrDigit(text.charAt(best[1] + power)))
                    && UNITS.containsKey(text.substring(start, best[1] + power))) {
                best = new int[] {start, best[1] + power};
            }
        }
        return best;
    }

    /** Number words and month names: "forty-two", "seven", "a hundred", "384 thousand" is read with its digits. */
    private static int word(String text, int start, List<Quantity> found) {
        int n = text.length();
        int end = start;
        while (end < n && isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(start, end);
        Integer roman = ROMAN.get(word);
        if (roman != null && numbered(text, start)) {
            // "Type II", "Phase III", "World War I": a roman numeral after the word it numbers
            found.add(new Quantity(roman, null));
            return end;
        }
        int holiday = holiday(text, start, found);
        if (holiday > start) {
            return holiday;
        }
        int ordinal = dayInWords(text, start, found);
        if (ordinal > start) {
            return ordinal;
        }
        int spoken = spokenTime(text, start, end, word, found);
        if (spoken > start) {
            return spoken;
        }
        Integer weekday = WEEKDAYS.get(word);
        if (weekday != null) {
            found.add(new Quantity(weekday, "weekday"));
            return end;
        }
        Integer month = MONTHS.get(word);
        if (month != null) {
            // "may" is a month only next to a number; any month name is one next to a number
            boolean nearNumber = digitWithin(text, end, 3) || digitBefore(text, start, 3);
            if (nearNumber || (!word.equals("may") && !word.equals("mar") && !word.equals("dec") && !word.equals("jan")
                    && word.length() > 3)) {
                found.add(new Quantity(month, "month"));
            }
            return end;
        }
        if ((word.equals("a") || word.equals("an")) && end < n) {
            // "an hour and a half", "a day and a half" (not "twice a day": one unit only with its half)
            int[] unitMatch = unitAfter(text, end);
            if (unitMatch != null && text.startsWith(" and a half", unitMatch[1])) {
                Unit unit = UNITS.get(text.substring(unitMatch[0], unitMatch[1]));
                found.add(new Quantity(unit.toBase(1.5), unit.base(), 1.5));
                return unitMatch[1] + 11;
            }
            // "an hour and 25 minutes", "a foot and two inches": one of the unit, joined to what follows as one
            // compound quantity
            if (unitMatch != null && text.startsWith(" and ", unitMatch[1])
                    && numberAt(text, unitMatch[1] + 5)) {
                Unit unit = UNITS.get(text.substring(unitMatch[0], unitMatch[1]));
                found.add(new Quantity(unit.toBase(1), unit.base(), 1, 0, 0, unit.factor() + unit.offset()));
                return unitMatch[1];
            }
        }
        if (word.equals("dozen")) {
            // "a dozen" ("two dozen" is read with its number)
            found.add(new Quantity(12, null));
            return end;
        }
        // "point two five": a decimal without its zero, after a pause ("…, i.e. point two five"), not "at this point"
        if (word.equals("point") && (start == 0 || !isLetter(text.charAt(skipBack(text, start))))) {
            double[] decimals = spokenDecimals(text, end);
            if (decimals != null) {
                found.add(new Quantity(decimals[0], null));
                return (int) decimals[1];
            }
        }
        if (word.equals("half") && text.startsWith(" a dozen", end)
                && (end + 8 == text.length() || !isLetter(text.charAt(end + 8)))) {
            // "half a dozen"
            found.add(new Quantity(6, null));
            return end + 8;
        }
        // "half an hour", "half a day"; "a quarter of an hour", "a third of a second"
        int of = word.equals("half") ? end : (word.equals("quarter") || word.equals("third"))
                && text.startsWith(" of", end) ? end + 3 : -1;
        if (of >= 0 && (text.startsWith(" an ", of) || text.startsWith(" a ", of))) {
            int[] unitMatch = unitAfter(text, of + (text.startsWith(" an ", of) ? 3 : 2));
            if (unitMatch != null) {
                Unit unit = UNITS.get(text.substring(unitMatch[0], unitMatch[1]));
                double share = 1 / FRACTIONS.get(word);
                found.add(new Quantity(unit.toBase(share), unit.base(), share, 0, 0, unit.factor() + unit.offset()));
                return unitMatch[1];
            }
        }
        if (!SMALL_NUMBERS.containsKey(word) && !TENS.containsKey(word)) {
            return end;
        }
        // a run of number words, joined by spaces, hyphens or "and"
        double total = 0;
        double current = 0;
        int i = start;
        int last = end;
        int words = 0;
        boolean onlyOne = true;
        boolean afterScale = false;
        boolean scaled = false;
        while (true) {
            int[] w = i == start ? new int[] {start, end} : nextWordJoined(text, i);
            if (w == null) {
                break;
            }
            String token = text.substring(w[0], w[1]);
            boolean pairs = current >= 10 && current <= 99 && total == 0 && !afterScale;
            if (SMALL_NUMBERS.containsKey(token) && SMALL_NUMBERS.get(token) >= 10 && pairs) {
                // a year said in pairs whose second half is ten to nineteen: "nineteen nineteen", "twenty ten"
                total = current * 100;
                current = SMALL_NUMBERS.get(token);
            } else if (SMALL_NUMBERS.containsKey(token)) {
                current += SMALL_NUMBERS.get(token);
            } else if (TENS.containsKey(token) && pairs) {
                // a year said in pairs: "nineteen ninety-four", "twenty twenty"
                total = current * 100;
                current = TENS.get(token);
            } else if (token.equals("oh") && pairs && (current < 20 || current % 10 == 0)) {
                // "nineteen oh five": the year's tens said as "oh"
                int[] digit = nextWordJoined(text, w[1]);
                Integer units = digit == null ? null : SMALL_NUMBERS.get(text.substring(digit[0], digit[1]));
                if (units == null || units < 1 || units > 9) {
                    break;
                }
                total = current * 100 + units;
                current = 0;
                w = digit;
            } else if (TENS.containsKey(token)) {
                current += TENS.get(token);
            } else if (SCALES.containsKey(token)) {
                scaled = true;
                double scale = SCALES.get(token);
                if (scale == 100) {
                    current = (current == 0 ? 1 : current) * 100;
                } else {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
            } else if (token.equals("and") && words > 0 && afterScale) {
                int[] after = nextWordJoined(text, w[1]);
                if (after == null || !(SMALL_NUMBERS.containsKey(text.substring(after[0], after[1]))
                        || TENS.containsKey(text.substring(after[0], after[1])))) {
                    break;
                }
                i = w[1];
                continue;
            } else {
                break;
            }
            if (!token.equals("one")) {
                onlyOne = false;
            }
            // "and" joins only after a scale ("two hundred and five"), not two numbers ("seven and eleven")
            afterScale = SCALES.containsKey(token);
            words++;
            last = w[1];
            i = w[1];
        }
        double value = total + current;
        // "three point one four": a decimal said digit by digit
        int[] point = nextWordJoined(text, last);
        if (point != null && text.startsWith("point", point[0]) && point[1] - point[0] == 5) {
            double[] decimals = spokenDecimals(text, point[1]);
            if (decimals != null) {
                value += decimals[0];
                last = (int) decimals[1];
                onlyOne = false;
            }
        }
        // "two and a half", "one and a quarter", "six and a fifth", "two and an eighth"
        int article = text.startsWith(" and a ", last) ? last + 7 : text.startsWith(" and an ", last) ? last + 8 : -1;
        int[] part = article < 0 ? null : nextWord(text, article);
        Double whole = part == null || part[0] != article ? null : FRACTIONS.get(text.substring(part[0], part[1]));
        if (whole != null && !text.substring(part[0], part[1]).endsWith("s")) {
            value += 1 / whole;
            last = part[1];
            onlyOne = false;
            // "twelve and a half thousand"
            int[] scaleWord = nextWordJoined(text, last);
            Double scale = scaleWord == null ? null : SCALES.get(text.substring(scaleWord[0], scaleWord[1]));
            if (scale != null && scale >= 1000) {
                value *= scale;
                last = scaleWord[1];
            }
        }
        // a fraction in words ("three quarters", "one thousandth", "two thirds"; "three-fifths" with a hyphen after a
        // numerator of one word, not "forty-fifth"; not a school year: "five ninth graders")
        int[] denominator = nextWordJoined(text, last);
        if (denominator != null && (text.charAt(last) == ' ' || text.charAt(last) == '-' && words == 1 && value < 10)
                && !text.startsWith(" grade", denominator[1])) {
            Double parts = FRACTIONS.get(text.substring(denominator[0], denominator[1]));
            if (parts != null && (value == 1 || !text.substring(denominator[0], denominator[1]).equals("half"))) {
                value /= parts;
                last = denominator[1];
                onlyOne = false;
            }
        }
        // "four o'clock"
        if (text.startsWith(" o'clock", last) && value >= 1 && value <= 12) {
            found.add(new Quantity(afternoon(text, last + 8, value), null));
            return last + 8;
        }
        // a power said in words: "ten to the power of three", "six point zero two times ten to the twenty-third"
        int[] power = spokenPower(text, last);
        if (power != null) {
            boolean times = text.startsWith(" times ten", last);
            value = times ? value * Math.pow(10, power[0]) : Math.pow(value, power[0]);
            last = power[1];
            onlyOne = false;
        }
        // "one" alone is mostly a pronoun ("the blue one", "no one"): a number only before a unit, alone, or as a
        // whole answer of two words ("One star", "One day.")
        int[] unitMatch = unitAfter(text, last);
        if (onlyOne && words == 1 && unitMatch == null && !(start == 0 && (text.strip().length() <= 4
                || countedNoun(text, last))) && !(text.startsWith(" in ", last) && numberAt(text, last + 4))) {
            // (a number in "one in forty")
            return last;
        }
        if (spokenMinus(text, start)) {
            // said in words after "minus", as a number in digits is ("minus forty fahrenheit")
            value = -value;
        }
        // a round number said with a scale word is as rounded as in digits ("forty thousand" as "40,000")
        double loose = 0;
        if (scaled && value >= 100 && value == Math.rint(value) && value < 1e15) {
            loose = 1;
            while (((long) value) % (long) (loose * 10) == 0) {
                loose *= 10;
            }
        }
        if (unitMatch != null) {
            Unit unit = UNITS.get(text.substring(unitMatch[0], unitMatch[1]));
            // (with its unit's factor, as a number in digits has: "a foot and two inches" is one compound quantity)
            // (rounded in the unit's own steps: "four hundred degrees Fahrenheit" to 10 °F, not to its offset)
            double factor = unit.factor() + unit.offset();
            found.add(loose == 0 ? new Quantity(unit.toBase(value), unit.base(), value, 0, 0, factor)
                    : new Quantity(unit.toBase(value), unit.base(), value, unit.factor(), loose * unit.factor(),
                    factor));
            return unitMatch[1];
        }
        found.add(loose == 0 ? new Quantity(value, null) : new Quantity(value, null, value, 1, loose, 1));
        return last;
    }

    /** Whether what follows a number up to the end is one word that is no stop word ("star" in "one star."). */
    private static boolean countedNoun(String text, int at) {
        int from = Math.min(at, text.length());
        int end = text.length();
        if (end - from > COUNTED_NOUN_CHARS) {
            return false;
        }
        while (end > from && !isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        while (from < end && text.charAt(from) == ' ') {
            from++;
        }
        if (from == end) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (!isLetter(text.charAt(i))) {
                return false;
            }
        }
        return !AnswerText.stopword(text.substring(from, end));
    }

    /**
     * After a number in words, a power of it ("… to the power of three", "… to the third") or of ten ("… times ten to
     * the twenty-third", "… times ten to the minus three"): {exponent, end}, else {@code null}.
     */
    private static int[] spokenPower(String text, int at) {
        int from = at;
        if (text.startsWith(" times ten", from)) {
            from += 10;
        }
        if (!text.startsWith(" to the ", from)) {
            return null;
        }
        from += 8;
        if (text.startsWith("power of ", from)) {
            from += 9;
        }
        int sign = 1;
        for (String minus : new String[] {"minus ", "negative "}) {
            if (text.startsWith(minus, from)) {
                sign = -1;
                from += minus.length();
            }
        }
        int end = from;
        while (end < text.length() && (isLetter(text.charAt(end)) || text.charAt(end) == '-' && end + 1 < text.length()
                && isLetter(text.charAt(end + 1)))) {
            end++;
        }
        String word = text.substring(from, end);
        Integer exponent = SMALL_NUMBERS.containsKey(word) ? SMALL_NUMBERS.get(word) : ORDINAL_DAYS.get(word);
        if (exponent == null && isDigits(text, from, 1)) {
            end = from;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            exponent = end - from <= 3 ? Integer.parseInt(text, from, end, 10) : null;
        }
        return exponent == null ? null : new int[] {sign * exponent, end};
    }

    /** The digits said one by one after "point" ("two five"): {their value as a decimal (0.25), end}, else null. */
    private static double[] spokenDecimals(String text, int from) {
        StringBuilder decimals = new StringBuilder();
        int at = from;
        int[] digit = nextWordJoined(text, at);
        while (digit != null && SMALL_NUMBERS.containsKey(text.substring(digit[0], digit[1]))
                && SMALL_NUMBERS.get(text.substring(digit[0], digit[1])) <= 9) {
            decimals.append(SMALL_NUMBERS.get(text.substring(digit[0], digit[1])));
            at = digit[1];
            digit = nextWordJoined(text, at);
        }
        return decimals.length() == 0 ? null : new double[] {Double.parseDouble("0." + decimals), at};
    }

    /** Whether the word before {@code start} is one that roman numerals number ("type", "phase", "stage"). */
    private static boolean numbered(String text, int start) {
        int end = start - 1;
        if (end <= 0 || text.charAt(end) != ' ') {
            return false;
        }
        int from = end;
        while (from > 0 && isLetter(text.charAt(from - 1))) {
            from--;
        }
        return ROMAN_AFTER.contains(text.substring(from, end));
    }

    /**
     * A holiday on a fixed date that starts here ("new year's day 2002" is 1 January 2002): its month and day are
     * added and its end returned, else {@code start}.
     */
    private static int holiday(String text, int start, List<Quantity> found) {
        int first = start;
        while (first < text.length() && isLetter(text.charAt(first))) {
            first++;
        }
        if (!HOLIDAY_WORDS.contains(text.substring(start, first))) {
            return start;
        }
        for (Map.Entry<String, int[]> holiday : HOLIDAYS.entrySet()) {
            String name = holiday.getKey();
            int end = start + name.length();
            if (text.startsWith(name, start) && (end == text.length() || !isLetter(text.charAt(end)))) {
                found.add(new Quantity(holiday.getValue()[0], "month"));
                found.add(new Quantity(holiday.getValue()[1], "day"));
                return end;
            }
        }
        return start;
    }

    /**
     * A day of the month as an ordinal in words, next to its month ("the fourth of july", "june fifteenth",
     * "the twenty-first of may"): added as that day and its end returned, else {@code start}.
     */
    private static int dayInWords(String text, int start, List<Quantity> found) {
        int end = start;
        while (end < text.length() && (isLetter(text.charAt(end)) || text.charAt(end) == '-' && end + 1 < text.length()
                && isLetter(text.charAt(end + 1)))) {
            end++;
        }
        Integer day = ORDINAL_DAYS.get(text.substring(start, end));
        if (day == null) {
            return start;
        }
        int[] after = text.startsWith(" of ", end) ? nextWord(text, end + 4) : null;
        boolean monthAfter = after != null && MONTHS.containsKey(text.substring(after[0], after[1]));
        int before = start - 1;
        while (before > 0 && text.charAt(before) == ' ') {
            before--;
        }
        int from = before;
        while (from > 0 && isLetter(text.charAt(from - 1))) {
            from--;
        }
        boolean monthBefore = before > 0 && before < start - 1 && MONTHS.containsKey(text.substring(from, before + 1));
        if (!monthAfter && !monthBefore) {
            return start;
        }
        found.add(new Quantity(day, "day"));
        return end;
    }

    /**
     * A time of day in words that starts here: "noon", "midnight", "quarter to four", "half past six" (and "… in the
     * afternoon"), added as hours like "15:45"; returns its end, else {@code start}.
     */
    private static int spokenTime(String text, int start, int end, String word, List<Quantity> found) {
        if (word.equals("noon") || word.equals("midday") || word.equals("midnight")) {
            found.add(new Quantity(word.equals("midnight") ? 0 : 12, null));
            return end;
        }
        if (!word.equals("quarter") && !word.equals("half")) {
            return start;
        }
        boolean to = text.startsWith(" to ", end);
        if (!to && !text.startsWith(" past ", end)) {
            return start;
        }
        int from = end + (to ? 4 : 6);
        int[] hour = nextWord(text, from - 1);
        double hours;
        int last;
        if (hour != null && hour[0] == from && SMALL_NUMBERS.containsKey(text.substring(hour[0], hour[1]))) {
            hours = SMALL_NUMBERS.get(text.substring(hour[0], hour[1]));
            last = hour[1];
        } else if (isDigits(text, from, 1)) {
            last = from;
            while (last < text.length() && isDigit(text.charAt(last))) {
                last++;
            }
            hours = last - from <= 2 ? Integer.parseInt(text, from, last, 10) : -1;
        } else {
            return start;
        }
        if (hours < 1 || hours > 12 || to && word.equals("half")) {
            return start;
        }
        double minutes = word.equals("half") ? 0.5 : to ? -0.25 : 0.25;
        found.add(new Quantity(afternoon(text, last, hours + minutes), null));
        return last;
    }

    /** Where a part of the day after an hour ends ("7 in the morning", "10 at night"); 0 when none follows. */
    private static int partOfDay(String text, int at) {
        for (String part : PARTS_OF_DAY) {
            if (text.startsWith(part, at) && (at + part.length() == text.length()
                    || !isLetterOrDigit(text.charAt(at + part.length())))) {
                return at + part.length();
            }
        }
        return 0;
    }

    /** A time of day said in words, later by twelve hours when "in the afternoon" or "in the evening" follows. */
    private static double afternoon(String text, int at, double hours) {
        boolean later = text.startsWith(" in the afternoon", at) || text.startsWith(" in the evening", at)
                || meridiem(text, at) != null && text.charAt(meridiem(text, at)[0]) == 'p';
        return later && hours < 12 ? hours + 12 : hours;
    }

    /**
     * Whether "minus " ends right before a number said in words at {@code at}, as a sign: at the start or after a stop
     * word ("around minus forty", "it is minus three"); not a difference ("ten minus three"), a countdown ("t minus
     * ten") or a margin ("plus or minus three"), nor "negative" ("it was negative three times").
     */
    private static boolean spokenMinus(String text, int at) {
        int from = at - MINUS.length();
        if (from < 0 || !text.startsWith(MINUS, from) || from > 0 && isLetter(text.charAt(from - 1))) {
            return false;
        }
        int end = from;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && isLetter(text.charAt(start - 1))) {
            start--;
        }
        String before = text.substring(start, end);
        return end == 0 || start < end && AnswerText.stopword(before) && !MARGINS.contains(before);
    }

    private static final String MINUS = "minus ";
    private static final String BELOW_ZERO = " below zero";
    /** Words before "minus" that make it no sign: a margin ("plus or minus three"), a countdown ("t minus ten"). */
    private static final Set<String> MARGINS = Set.of("or", "and", "plus", "t");

    /** Whether "minus " or "negative " ends right before {@code at}, as a word of its own. */
    private static boolean minusWord(String text, int at) {
        for (String word : new String[] {"minus ", "negative "}) {
            int from = at - word.length();
            if (from >= 0 && text.startsWith(word, from) && (from == 0 || !isLetter(text.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static int[] nextWordJoined(String text, int from) {
        int n = text.length();
        int i = from;
        if (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        } else {
            return null;
        }
        int end = i;
        while (end < n && isLetter(text.charAt(end))) {
            end++;
        }
        return end == i ? null : new int[] {i, end};
    }

    /** Whether a number starts here, in digits or as a number word ("25", "twenty"). */
    private static boolean numberAt(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        if (isDigit(text.charAt(at))) {
            return true;
        }
        int end = at;
        while (end < text.length() && isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(at, end);
        return SMALL_NUMBERS.containsKey(word) || TENS.containsKey(word);
    }

    private static boolean digitWithin(String text, int from, int distance) {
        for (int i = from; i < Math.min(text.length(), from + distance); i++) {
            if (isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean digitBefore(String text, int before, int distance) {
        for (int i = before - 1; i >= Math.max(0, before - distance); i--) {
            if (isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOrdinalEnd(String text, int i) {
        return i + 1 < text.length() && isOrdinal(text, i);
    }

    private static boolean isOrdinal(String text, int i) {
        String two = text.substring(i, Math.min(text.length(), i + 2));
        return (two.equals("st") || two.equals("nd") || two.equals("rd") || two.equals("th"))
                && (i + 2 == text.length() || !isLetter(text.charAt(i + 2)));
    }

    /**
     * After a day of one or two digits, ".MM.YYYY" with a month of one or two digits: {month, year, end}, else
     * {@code null} ("3.14" and "1.2.3" are no dates).
     */
    private static int[] dottedDate(String text, int i, int dayDigits) {
        int[] parts = dateParts(text, i, dayDigits, '.');
        return parts == null || parts[0] < 1 || parts[0] > 31 || parts[1] < 1 || parts[1] > 12 ? null
                : new int[] {parts[1], parts[2], parts[3]};
    }

    /**
     * A date of three numbers joined by {@code separator} whose first number (one or two digits) ends just before
     * {@code i} and whose year has four digits: the three numbers and where the date ends; {@code null} for none.
     */
    private static int[] dateParts(String text, int i, int firstDigits, char separator) {
        int n = text.length();
        if (firstDigits > 2 || i >= n || text.charAt(i) != separator) {
            return null;
        }
        int m = i + 1;
        while (m < n && isDigit(text.charAt(m)) && m - i <= 2) {
            m++;
        }
        if (m == i + 1 || m >= n || text.charAt(m) != separator || !isDigits(text, m + 1, 4)
                || m + 5 < n && (isDigit(text.charAt(m + 5)) || text.charAt(m + 5) == separator && m + 6 < n
                && isDigit(text.charAt(m + 6)))) {
            return null;
        }
        return new int[] {Integer.parseInt(text, i - firstDigits, i, 10), Integer.parseInt(text, i + 1, m, 10),
            Integer.parseInt(text, m + 1, m + 5, 10), m + 5};
    }

    /**
     * A slash date "d/m/yyyy" or "m/d/yyyy" whose first number ends just before {@code i}, read as day, month, year and
     * where it ends when its order is known: one of the first two numbers over 12, or the answer naming its format
     * ("MM/DD/YYYY", "US format"; "DD/MM/YYYY", "UK format"); {@code null} otherwise.
     */
    private static int[] slashDate(String text, int i, int firstDigits) {
        int[] parts = dateParts(text, i, firstDigits, '/');
        if (parts == null) {
            return null;
        }
        int first = parts[0];
        int second = parts[1];
        int year = parts[2];
        // the format is written beside the date ("(MM/DD/YYYY)", "in US format"): looked for nearby only, so that
        // an answer of many dates costs no more than its length
        String near = text.substring(Math.max(0, i - firstDigits - FORMAT_WINDOW),
                Math.min(text.length(), parts[3] + FORMAT_WINDOW));
        boolean monthFirst;
        if (first > 12 || second > 12) {
            monthFirst = second > 12;
        } else if (near.contains("mm/dd") || near.contains("us format") || near.contains("american format")) {
            monthFirst = true;
        } else if (near.contains("dd/mm") || near.contains("uk format") || near.contains("european format")) {
            monthFirst = false;
        } else {
            return null;
        }
        int day = monthFirst ? second : first;
        int month = monthFirst ? first : second;
        return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? new int[] {day, month, year, parts[3]} : null;
    }

    /**
     * An ISO date-time with an offset from UTC ("2023-06-01t10:00:00+02:00") read as the instant it is in UTC: its
     * year, month, day and time of day there (1 June 2023, 08:00); where it ends, or -1 when it is no such date-time.
     */
    private static int inUtc(String text, int start, List<Quantity> found) {
        int end = start + 11;
        while (end < text.length() && (isDigit(text.charAt(end)) || text.charAt(end) == ':' || text.charAt(end) == '.')) {
            end++;
        }
        if (end + 6 > text.length() || text.charAt(end) != '+' && text.charAt(end) != '-') {
            return -1;
        }
        int zoneEnd = end + 1 + (text.charAt(end + 3) == ':' ? 5 : 4);
        try {
            OffsetDateTime instant = OffsetDateTime.parse(text.substring(start, zoneEnd).toUpperCase(Locale.ROOT))
                    .withOffsetSameInstant(ZoneOffset.UTC);
            found.add(new Quantity(instant.getYear(), null));
            found.add(new Quantity(instant.getMonthValue(), "month"));
            found.add(new Quantity(instant.getDayOfMonth(), "day"));
            found.add(new Quantity(instant.getHour() + instant.getMinute() / 60.0, null));
            return zoneEnd;
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /**
     * Whether a decimal that ends at {@code at} says its last digit recurs: "recurring", "repeating", or, where
     * {@code repeated}, "…" or "...".
     */
    private static boolean recurring(String text, int at, boolean repeated) {
        String after = text.substring(at, Math.min(text.length(), at + 14)).stripLeading();
        return repeated && (after.startsWith("\u2026") || after.startsWith("...")) || after.startsWith("recurring")
                || after.startsWith("repeating") || after.startsWith("(repeating") || after.startsWith("(recurring");
    }

    /** Whether the time of an ISO date-time that starts here has no offset, "Z" or a zero one. */
    private static boolean utcOrLocal(String text, int from) {
        int end = from;
        while (end < text.length()
                && (isDigit(text.charAt(end)) || text.charAt(end) == ':' || text.charAt(end) == '.')) {
            end++;
        }
        if (end == text.length() || text.charAt(end) == 'z') {
            return true;
        }
        char c = text.charAt(end);
        return c != '+' && c != '-' || text.startsWith("00:00", end + 1) || text.startsWith("0000", end + 1);
    }

    /**
     * A time of day, read where it ends. With a time zone after it ("4:51 p.m. EDT", "14:46 JST", "20:51 UTC",
     * "09:00 UTC+2", "08:00 local time (UTC−4)") it is a time in UTC (unit {@link #UTC_TIME}) that also says the hour
     * as written: two times with zones compare in UTC, and a time with a zone against one without by the hour written
     * ("9:30 a.m." / "9:30 a.m. EST"). A zone that moves the time to another day leaves it as written (the day is not
     * moved with it). Where it ends.
     */
    private static int inZone(String text, int end, double hours, List<Quantity> found) {
        // after the period of "p.m.", and "local time (…)" before the zone
        int at = end < text.length() && text.charAt(end) == '.' ? end + 1 : end;
        if (text.startsWith(" local time", at)) {
            at += " local time".length();
        }
        if (text.startsWith(" (", at)) {
            at += 2;
        }
        int[] word = nextWord(text, at);
        Integer offset = null;
        int after = end;
        String zoneName = word != null && word[0] <= at + 1 ? zoneNameAt(text, word[0]) : null;
        if (zoneName != null) {
            // a zone by its full name ("9 a.m. Central European Summer Time")
            offset = ZONE_NAMES.get(zoneName);
            after = word[0] + zoneName.length();
            word = null;
        }
        if (at == end && end < text.length() && text.charAt(end) == 'z'
                && (end + 1 == text.length() || !isLetterOrDigit(text.charAt(end + 1)))) {
            // an ISO time in UTC ("07:00z")
            offset = 0;
            after = end + 1;
            word = null;
        }
        if (word != null && word[0] <= at + 1 && (word[1] == text.length() || !isLetter(text.charAt(word[1]))
                || text.charAt(word[1]) == '+' || text.charAt(word[1]) == '-')) {
            String zone = text.substring(word[0], word[1]);
            offset = ZONES.get(zone);
            after = word[1];
            if (offset != null && (zone.equals("utc") || zone.equals("gmt")) && after + 1 < text.length()
                    && (text.charAt(after) == '+' || text.charAt(after) == '-' || text.charAt(after) == '\u2212')
                    && isDigit(text.charAt(after + 1))) {
                // "utc+2", "utc−4", "utc+05:30": read by java.time (hours, and minutes after a colon)
                int i = after + 1;
                while (i < text.length() && isDigit(text.charAt(i)) && i < after + 3) {
                    i++;
                }
                String hourDigits = text.substring(after + 1, i);
                String minutes = "";
                if (i + 2 < text.length() && text.charAt(i) == ':' && isDigits(text, i + 1, 2)) {
                    minutes = text.substring(i, i + 3);
                    i += 3;
                }
                String id = (text.charAt(after) == '+' ? "+" : "-") + (hourDigits.length() == 1 ? "0" : "") + hourDigits
                        + minutes;
                try {
                    int total = ZoneOffset.of(id).getTotalSeconds() / 60;
                    offset = Math.abs(total) <= 14 * 60 + 59 ? total : null;
                } catch (DateTimeException e) {
                    offset = null;
                }
                after = i;
            }
        }
        double utc = offset == null ? -1 : hours - offset / 60.0;
        if (utc < 0 || utc >= 24) {
            found.add(new Quantity(hours, null));
            return offset == null ? end : after;
        }
        found.add(new Quantity(utc, UTC_TIME, hours));
        return after;
    }

    /** Where the name of a currency's hundredth ends when one follows here ("… 75 cents"), else {@code from}. */
    private static int subunit(String text, int from) {
        for (String name : new String[] {" cents", " cent", " pence", " penny", " centimes"}) {
            int end = from + name.length();
            if (text.startsWith(name, from) && (end == text.length() || !isLetter(text.charAt(end)))) {
                return end;
            }
        }
        return from;
    }

    /** Whether a zone's full name ({@link #ZONE_NAMES}) starts here, after one space or none, in any case. */
    static boolean zoneNamed(String text, int from) {
        int at = from < text.length() && text.charAt(from) == ' ' ? from + 1 : from;
        return zoneNameAt(text.substring(at, Math.min(text.length(), at + ZONE_NAME_CHARS + 1)).toLowerCase(Locale.ROOT),
                0) != null;
    }

    /** The zone's full name ({@link #ZONE_NAMES}) that starts here in a lower-case text, a whole word; else null. */
    private static String zoneNameAt(String lower, int at) {
        for (String name : ZONE_NAMES.keySet()) {
            int end = at + name.length();
            if (lower.startsWith(name, at) && (end == lower.length() || !isLetter(lower.charAt(end)))) {
                return name;
            }
        }
        return null;
    }

    /** "am", "pm", "a.m", "p.m" right after a number (with or without a space): its span, else {@code null}. */
    private static int[] meridiem(String text, int from) {
        int[] word = nextWord(text, from);
        if (word == null || word[0] > from + 1) {
            return null;
        }
        String found = text.substring(word[0], word[1]);
        return found.equals("am") || found.equals("pm") || found.equals("a.m") || found.equals("p.m") ? word : null;
    }

    private static int[] nextWord(String text, int from) {
        int n = text.length();
        int i = skipSpaces(text, from);
        int end = i;
        while (end < n && (isLetter(text.charAt(end)) || text.charAt(end) == '.' && end > i && end + 1 < n
                && isLetter(text.charAt(end + 1)))) {
            end++;
        }
        return end == i ? null : new int[] {i, end};
    }

    /** The index of the last character before {@code at} that is no space (0 when there is none). */
    private static int skipBack(String text, int at) {
        int i = at - 1;
        while (i > 0 && text.charAt(i) == ' ') {
            i--;
        }
        return Math.max(i, 0);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0' || text.charAt(i) == '\u202f')) {
            i++;
        }
        return i;
    }

    private static boolean isDigits(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isNumberWord(String word) {
        return SMALL_NUMBERS.containsKey(word) || TENS.containsKey(word) || SCALES.containsKey(word);
    }

    /** Whether a number may be a year of our era written in digits: whole, from 1000 to 2100 ("1865", "2019"). */
    static boolean year(double value) {
        return value == Math.rint(value) && value >= 1000 && value <= 2100;
    }

    /** A denominator in words ("thousandth", "quarters"), which states a number after a number word. */
    static boolean isFractionWord(String word) {
        return FRACTIONS.containsKey(word);
    }

    static boolean isUnit(String word) {
        return UNITS.containsKey(word);
    }

    /** A unit, or a word of a unit named in several ("basis" and "points" of "basis points"). */
    static boolean isUnitWord(String word) {
        return UNITS.containsKey(word) || UNIT_WORDS.contains(word);
    }

    /** Whether two words name one month or one day of the week, one of them shortened ("Sept" / "September"). */
    static boolean sameCalendarName(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        Integer month = MONTHS.get(a);
        Integer day = WEEKDAYS.get(a);
        return month != null && month.equals(MONTHS.get(b)) || day != null && day.equals(WEEKDAYS.get(b));
    }

    static boolean isMonth(String word) {
        return MONTHS.containsKey(word) || WEEKDAYS.containsKey(word);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c > 127 && Character.isLetter(c));
    }

    static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c) || (c >= 'A' && c <= 'Z');
    }
}
