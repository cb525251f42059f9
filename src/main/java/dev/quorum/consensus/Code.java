package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What semantic voting reads from answers that are code: whether an answer is code at all (prose with a semicolon or a
 * calculation with an "=" is not), whether it is a short arithmetic expression, and whether two pieces of code differ
 * only in the names of their variables (then they are the same answer).
 */
final class Code {

    /** Code longer than this many tokens is not compared for renamed variables (the comparison is quadratic). */
    private static final int MAX_TOKENS = 1000;
    /** Code of at most this many tokens is compared for its numbers alone ({@link #otherNumbers}). */
    private static final int SHORT_TOKENS = 16;

    /** Words of common languages that are no variable names. */
    private static final Set<String> KEYWORDS = Set.of("def", "return", "for", "in", "if", "else", "elif", "while",
            "function", "const", "let", "var", "class", "import", "from", "new", "true", "false", "null", "none",
            "and", "or", "not", "lambda", "int", "long", "double", "float", "string", "boolean", "void", "public",
            "private", "static", "final", "select", "where", "order", "by", "group", "insert", "update", "delete",
            "join", "on", "as", "is", "this", "self", "yield", "await", "async", "try", "catch", "finally", "throw");

    /**
     * The long options of common commands that have a one-letter spelling, by command (and subcommand, where one letter
     * means two things: {@code -t} is {@code --tty} to docker run and {@code --tag} to docker build).
     */
    private static final Map<Pattern, Map<String, String>> SHORT_OPTIONS = shortOptions(
            "grep", "ignore-case i recursive r count c invert-match v line-number n files-with-matches l word-regexp w"
                    + " extended-regexp E fixed-strings F only-matching o quiet q",
            "rm", "recursive r force f verbose v",
            "ls", "all a almost-all A human-readable h recursive R reverse r",
            "cp", "recursive r force f verbose v archive a",
            "mv", "force f verbose v",
            "mkdir", "parents p verbose v",
            "curl", "silent s location L output o header H request X data d include i insecure k head I user u"
                    + " verbose v fail f remote-name O",
            "tar", "extract x create c gzip z file f verbose v list t bzip2 j directory C",
            "sort", "reverse r numeric-sort n unique u human-numeric-sort h",
            "du", "human-readable h summarize s",
            "df", "human-readable h",
            "tail", "follow f lines n",
            "head", "lines n",
            "wc", "lines l words w bytes c",
            "chmod", "recursive R",
            "chown", "recursive R",
            "uniq", "count c",
            "docker\\s+run", "detach d interactive i tty t publish p volume v env e user u workdir w",
            "docker\\s+exec", "detach d interactive i tty t env e user u workdir w",
            "docker\\s+build", "tag t file f quiet q",
            "docker\\s+ps", "all a quiet q",
            "docker\\s+rm", "force f volumes v",
            "kubectl(?:\\s+[a-z-]+)?", "namespace n output o all-namespaces A selector l filename f container c"
                    + " follow f",
            "git\\s+commit", "message m all a",
            "git\\s+add", "all A patch p",
            "git\\s+push", "force f set-upstream u",
            "git\\s+branch", "delete d all a",
            "git\\s+clone", "branch b",
            "npm\\s+install", "save-dev D global g");

    private static Map<Pattern, Map<String, String>> shortOptions(String... commandsAndOptions) {
        Map<Pattern, Map<String, String>> options = new LinkedHashMap<>();
        for (int i = 0; i < commandsAndOptions.length; i += 2) {
            String[] pairs = commandsAndOptions[i + 1].split(" ");
            Map<String, String> shortOf = new HashMap<>();
            for (int k = 0; k < pairs.length; k += 2) {
                shortOf.put("--" + pairs[k], "-" + pairs[k + 1]);
            }
            options.put(Pattern.compile(commandsAndOptions[i]), Map.copyOf(shortOf));
        }
        return Collections.unmodifiableMap(options);
    }

    /** One declaration of a new variable, the whole answer ({@link #declared}). */
    private static final Pattern DECLARATION = Pattern.compile(
            "`?(?:const|let|var|val|auto)\\s++[A-Za-z_$][\\w$]*+\\s*+=(?!=)\\s*+([^\\n`]*[^;\\s`])\\s*;?\\s*`?");

    /**
     * Common idioms that do the same, each rewritten to one of its forms ({@link #idiomatic}): emptiness, membership,
     * counting, reversing, the last element, squaring, parity, spreading, copying, incrementing, a one-line function,
     * the commit before HEAD, restoring a file, SQL's first rows (LIMIT, TOP, FETCH FIRST), its BETWEEN and its {@code
     * <>}, emptiness said otherwise ({@code not xs}, {@code !xs.length}, {@code isBlank()}), a copy by {@code slice()},
     * {@code Date.now()}, an f-string of one name, a comparison with None by {@code is}, SQL's {@code NOT (x IS NOT
     * NULL)}, a range from zero, a test for null and undefined in one, a string by concatenation, a count of lines
     * without cat, membership by {@code some()}, a descending sort by reversing, a prefix or suffix by slicing,
     * membership among a dict's keys, the larger or smaller of two by a conditional, a dict built from pairs, CSS's
     * named font weights, a file's first lines by sed, a sum by reduce, a map over a lambda as a generator, an
     * order-kept dedup by a set of those seen, a range's membership as its bounds, a loop's bound below a number, a
     * square root, floor division, an absolute value by a conditional, a non-empty test by a size, a substring by
     * {@code find()}, an undefined test by {@code typeof}, a decrement, an arrow function's one return, Java's null
     * tests by {@code Objects}, an own property by {@code hasOwnProperty}, a shell test, distinct rows by grouping,
     * CSS's three-digit colours, and commands spelt two ways (kubectl's resource names, one-letter flags and options
     * with a number in any order, a number glued to its option, head's and tail's "-20" as "-n 20", the "--" that ends
     * the options before an operand, an option's value after "=", the long options of common commands, git switch,
     * docker's management commands, find's tests in any order, a directory with its trailing slash, a filter's file
     * redirected, chmod's "ugo"), a number compared with a name either way round, and JavaScript's parseInt as
     * Number's. Each does the same in the usual case; their edge cases differ (`indexOf` finds no NaN where `includes`
     * does, an arrow has no `this` of its own, Python has no `++`, TOP without ORDER BY is any rows, a conditional
     * returns b when a is NaN where Math.max returns NaN, a flag that takes a value must come last, and {@code
     * math.sqrt} of a negative number raises where {@code ** 0.5} gives a complex number).
     */
    private static final List<Idiom> IDIOMS = List.of(
            // (a receiver "a.b.c" of at most four names, each read possessively: an unbounded group would recurse once
            // per dot in Java's regex engine, so a provider's "a.a.a…" would overflow the stack, and one character
            // class "[\w.]*" would be read to the end from every name, the square of the answer's length)
            new Idiom("\\b(\\w++(?:\\.\\w++){0,3})\\.(?:length|size)\\(\\)\\s*==\\s*0\\b", "$1.isEmpty()"),
            new Idiom("\\b(\\w++(?:\\.\\w++){0,3})\\.indexOf\\(([^()]*)\\)\\s*(?:!==?\\s*-1|>\\s*-1|>=\\s*0)(?![\\w.])",
                    "$1.includes($2)"),
            new Idiom("(?i)\\bcount\\(\\s*1\\s*\\)", "count(*)"),
            // a one-letter option with its number glued on ("tail -n100")
            new Idiom("(?<=\\s)-([A-Za-z])(\\d++)(?![\\w.])", "-$1 $2"),
            new Idiom("(?:''|\"\")\\.join\\(reversed\\((\\w+)\\)\\)", "$1[::-1]"),
            new Idiom("\\blist\\(reversed\\((\\w+)\\)\\)", "$1[::-1]"),
            new Idiom("\\b(\\w+)\\[len\\(\\1\\)\\s*-\\s*(\\d+)\\]", "$1[-$2]"),
            new Idiom("\\b(\\w+)\\s*\\*\\*\\s*2\\b(?!\\s*\\*)", "$1 * $1"),
            new Idiom("\\(\\s*(\\w+)\\s*&\\s*1\\s*\\)\\s*===?\\s*0\\b", "$1 % 2 == 0"),
            new Idiom("\\bArray\\.from\\((\\w+|new Set\\(\\w+\\))\\)", "[...$1]"),
            // a prefix or suffix by slicing ("s[:4] == 'http'", "s[-3:] == '.py'")
            new Idiom("\\b(\\w+)\\[:(\\d+)\\]\\s*==\\s*(['\"])([^'\"]*)\\3", match -> sliced(match, "startswith")),
            new Idiom("\\b(\\w+)\\[-(\\d+):\\]\\s*==\\s*(['\"])([^'\"]*)\\3", match -> sliced(match, "endswith")),
            // membership among a dict's keys ("'id' in d.keys()": "'id' in d")
            new Idiom("\\bin\\s+(\\w+)\\.keys\\(\\)", "in $1"),
            // an increment written out ("i = i + 1": "i++"), a square by Math.pow, SQL's other "not equal"
            new Idiom("\\b(\\w+)\\s*=\\s*\\1\\s*\\+\\s*1\\b(?!\\s*[\\w(.*/])", "$1 += 1"),
            new Idiom("\\bMath\\.pow\\(\\s*(\\w+)\\s*,\\s*2\\s*\\)", "$1 * $1"),
            new Idiom("\\s*<>\\s*", " != "),
            // commands with two spellings: git's switch and checkout, docker's management commands, kubectl's short
            // resource names and "type/name", an option's value after "=" or a space, flags split or joined
            new Idiom("\\bgit switch -c\\b", "git checkout -b"),
            new Idiom("\\bdocker container (?:ls|list|ps)\\b", "docker ps"),
            new Idiom("\\bdocker image (?:ls|list)\\b", "docker images"),
            new Idiom("\\b(kubectl(?: [a-z-]+){1,2}) (deploy|deployment|deployments|po|pod|pods|svc|service|services|ns|namespace"
                    + "|namespaces|cm|configmap|configmaps)(?:/| )([\\w.-]+)", Code::kubectlResource),
            new Idiom("(?<=\\s)(--[a-z][\\w-]*)=(?=[^\\s=])", "$1 "),
            new Idiom("\\bnpm i(?=\\s)", "npm install"),
            new Idiom("(?<![\\w-])(" + optionCommands() + ")(?![\\w-])([^|;&\\n]*+)", Code::shortOptions),
            // find's tests in one order ("-name '*.log' -mtime -1" / "-mtime -1 -name '*.log'"): they are joined by
            // "and" whatever their order, where no action ("-delete", "-exec") is among them
            new Idiom("\\bfind\\s+(?:[^\\s!(\\\\-][^\\s]*+\\s+)?((?:-(?:name|iname|type|mtime|mmin|size|user|perm|path|newer"
                    + "|maxdepth|mindepth)\\s+[^\\s|;&]++(?:\\s+|$)|-empty(?:\\s+|$)){2,6})(?=$|[|;&\\n])", Code::sortedTests),
            // a directory with or without its slash ("rm -rf build/"), a filter's file given or redirected ("awk
            // '{print $3}' < data.txt"; not wc's, which names a file it is given), chmod's "ugo" as "a"
            new Idiom("(?m)^(\\s*(?:rm|cp|mv|ls|du|rsync|chmod|chown|mkdir|rmdir)\\s[^\\n|;&]*?\\w)/(?=\\s*$)", "$1"),
            new Idiom("\\b(awk|grep|sed|sort|uniq|head|tail|cut)\\b([^<>|;&\\n]*?)\\s*<\\s*([\\w./-]+)\\s*$", "$1$2 $3"),
            new Idiom("\\bchmod(\\s+-R)?\\s+ugo(?=[+=-])", "chmod$1 a"),
            new Idiom("(?<=\\s)-([a-zA-Z]{2,6})(?=\\s|$)", Code::sortedFlags),
            // a number compared with a name, written the other way round, as a condition ("where 65 < age", "if (0 <
            // n": "age > 65"; not a chain "1 <= x <= 10", arithmetic "i + 1 < n", a redirect "echo 5 > out"),
            // JavaScript's global parseInt and parseFloat as Number's
            new Idiom("(?=\\d)(?<=(?i:\\bwhere|\\band|\\bor|\\bif|\\bwhile|\\bwhen|\\bhaving|\\breturn|\\(|&&|\\|\\|)\\s{0,2})"
                    + "(\\d+(?:\\.\\d+)?)\\s+(<=|>=|<|>)\\s+([A-Za-z_]\\w*)\\b(?!\\s*[-+*/%.(\\[<>=!,])",
                    Code::flippedComparison),
            new Idiom("\\bNumber\\.(parseInt|parseFloat)\\(", "$1("),
            // one-letter options, some with a number, in any order ("-n 100 -f" / "-f -n 100")
            new Idiom("(?<=\\s)-[a-zA-Z](?:\\s++\\d++)?(?:\\s++-[a-zA-Z](?:\\s++\\d++)?){1,5}(?=\\s|$)",
                    Code::sortedOptions),
            new Idiom("(?<=\\s)-[a-zA-Z](?:\\s+-[a-zA-Z]){1,5}(?=\\s|$)",
                    match -> sortedFlags(match.group().replaceAll("[\\s-]", ""))),
            // emptiness and copies in other words: Python's "not xs", JavaScript's "!xs.length", Java's isBlank,
            // a copy by slice(), the time by Date.now(), a string by an f-string, a comparison with None by "is"
            new Idiom("\\blen\\(\\s*(\\w+)\\s*\\)\\s*==\\s*0\\b", "not $1"),
            new Idiom("!\\s*(\\w++(?:\\.\\w++){0,3})\\.length\\b(?!\\s*[=!<>])", "$1.length === 0"),
            new Idiom("\\b(\\w++(?:\\.\\w++){0,3})\\.trim\\(\\)\\.isEmpty\\(\\)", "$1.isBlank()"),
            new Idiom("\\b(\\w+)\\.slice\\(\\s*(?:0\\s*)?\\)", "[...$1]"),
            new Idiom("\\bnew Date\\(\\)\\.getTime\\(\\)", "Date.now()"),
            new Idiom("\\bf([\"'])\\{(\\w+)\\}\\1", "str($2)"),
            new Idiom("\\b(\\w+)\\s*==\\s*None\\b", "$1 is None"),
            new Idiom("\\b(\\w+)\\s*!=\\s*None\\b", "$1 is not None"),
            // a double negation in SQL, a range from zero, a test for null and undefined in one, a string by
            // concatenation, a count of lines without cat, membership by some(), a descending sort by reversing
            new Idiom("(?i)\\bnot\\s*\\(\\s*([\\w.]+)\\s+is\\s+not\\s+null\\s*\\)", "$1 IS NULL"),
            new Idiom("(?i)\\bnot\\s*\\(\\s*([\\w.]+)\\s+is\\s+null\\s*\\)", "$1 IS NOT NULL"),
            new Idiom("\\brange\\(\\s*0\\s*,\\s*([^,()]+)\\)", "range($1)"),
            new Idiom("\\b(\\w+)\\s*!==\\s*(?:undefined\\s*&&\\s*\\1\\s*!==\\s*null|null\\s*&&\\s*\\1\\s*!==\\s*undefined)\\b",
                    "$1 != null"),
            new Idiom("(?:\"\"|'')\\s*\\+\\s*(\\w+)\\b(?!\\s*[(.\\[])", "String.valueOf($1)"),
            new Idiom("\\bcat\\s+([\\w./-]+)\\s*\\|\\s*wc -l\\b", "wc -l < $1"),
            new Idiom("\\b(\\w+)\\.some\\(\\s*(\\w+)\\s*=>\\s*(?:\\2\\s*===\\s*(\\w+)|(\\w+)\\s*===\\s*\\2)\\s*\\)",
                    "$1.includes($3$4)"),
            new Idiom("\\bsorted\\((\\w+)\\)\\[::-1\\]", "sorted($1, reverse=True)"),
            // Python's sum by reduce, a map over a lambda as a generator (and a list of one as a comprehension), a
            // generator's own brackets inside a call, a slice from zero
            new Idiom("\\b(?:functools\\.)?reduce\\(\\s*(?:operator\\.add|lambda (\\w+), (\\w+): \\1 \\+ \\2)"
                    + "\\s*,\\s*(\\w+)"
                    + "(?:\\s*,\\s*0)?\\s*\\)", "sum($3)"),
            new Idiom("\\bmap\\(\\s*lambda (\\w+)\\s*:\\s*([^,()]*+(?:\\([^()]*\\)[^,()]*+)?),\\s*([\\w.]+)\\s*\\)",
                    "($2 for $1 in $3)"),
            new Idiom("\\blist\\(\\((\\S[^()]*?(?:\\([^()]*\\)[^()]*?)? for \\w+ in [\\w.]+)\\)\\)", "[$1]"),
            new Idiom("\\b(\\w+)\\(\\((\\S[^()]*?(?:\\([^()]*\\)[^()]*?)? for \\w+ in [\\w.]+)\\)\\)", "$1($2)"),
            new Idiom("\\[\\s*0\\s*:", "[:"),
            // a square root three ways, floor division by floor(), an absolute value by a conditional, the last element
            // by its index, a non-empty test by a size, a substring by find(), an undefined test by typeof, a
            // decrement written out, an arrow function's body of one return, Java's null tests by Objects
            new Idiom("\\b(?:math|Math)\\.sqrt\\(\\s*(\\w+)\\s*\\)|\\bMath\\.pow\\(\\s*(\\w+)\\s*,\\s*0?\\.5\\s*\\)",
                    "$1$2 ** 0.5"),
            new Idiom("\\bmath\\.floor\\(\\s*(\\w+)\\s*/\\s*(\\w+)\\s*\\)", "$1 // $2"),
            new Idiom("\\b(\\w+) if \\1 >=? 0 else -\\1\\b", "abs($1)"),
            new Idiom("\\b(\\w+)\\[\\s*\\1\\.length\\s*-\\s*1\\s*\\]", "$1.at(-1)"),
            new Idiom("\\b(\\w++(?:\\.\\w++){0,3})\\.(?:length|size)\\(\\)\\s*(?:>\\s*0|!=\\s*0|>=\\s*1)(?![\\w.])",
                    "!$1.isEmpty()"),
            new Idiom("\\b(\\w++(?:\\.\\w++){0,3})\\.equals\\(\\s*\"\"\\s*\\)", "$1.isEmpty()"),
            new Idiom("\\bif\\s+len\\(\\s*(\\w+)\\s*\\)\\s*(?:>\\s*0|!=\\s*0|>=\\s*1)(?![\\w.])", "if $1"),
            new Idiom("\\b(\\w+)\\.find\\(\\s*([^(),]+?)\\s*\\)\\s*(?:!=\\s*-1|>=\\s*0|>\\s*-1)(?![\\w.])", "$2 in $1"),
            new Idiom("\\btypeof\\s+(\\w+)\\s*===?\\s*(['\"])undefined\\2", "$1 === undefined"),
            new Idiom("\\b(\\w+)\\s*=\\s*\\1\\s*-\\s*1\\b(?!\\s*[\\w(.*/])|\\b(\\w+)\\s*-=\\s*1\\b(?!\\s*[\\w(.])",
                    "$1$2--"),
            new Idiom("=>\\s*\\{\\s*return\\s+([^;{}]+?);?\\s*\\}", "=> $1"),
            new Idiom("\\bObjects\\.isNull\\(\\s*(\\w+)\\s*\\)", "$1 == null"),
            new Idiom("\\bObjects\\.nonNull\\(\\s*(\\w+)\\s*\\)", "$1 != null"),
            new Idiom("\\bnew Array\\(", "Array("),
            new Idiom("\\b(\\w+)\\.hasOwnProperty\\(\\s*([^(),]+?)\\s*\\)", "Object.hasOwn($1, $2)"),
            // a shell test by its two spellings, a query's distinct rows by grouping, CSS's three-digit colours
            new Idiom("\\btest\\s+(-[a-z])\\s+(\\S+)", "[ $1 $2 ]"),
            new Idiom("(?i)^select\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)\\s+from\\s+([\\w.]+)"
                    + "\\s+group\\s+by\\s+\\1\\s*;?\\s*$",
                    "SELECT DISTINCT $1 FROM $2"),
            new Idiom("(?i)(?<=:\\s{0,3})#([0-9a-f])([0-9a-f])([0-9a-f])(?![0-9a-f])", "#$1$1$2$2$3$3"),
            // an order-kept dedup by a set of those seen ("seen = set(); r = [x for x in xs if not (x in seen or
            // seen.add(x))]": "list(dict.fromkeys(xs))")
            new Idiom("\\b(\\w+)\\s*=\\s*set\\(\\);\\s*(?:\\w+\\s*=\\s*)?\\[(\\w+) for \\2 in ([\\w.]+)"
                    + " if not \\(\\s*\\2 in \\1 or \\1\\.add\\(\\2\\)\\s*\\)\\]",
                    "list(dict.fromkeys($3))"),
            // membership of an integer in a range, as the bounds it spells ("x in range(1, 11)": "1 <= x <= 10"), and
            // a loop's bound below a number as at most the one before ("i < 11": "i <= 10")
            new Idiom("\\b(\\w+) in range\\(\\s*(-?\\d{1,9})\\s*,\\s*(-?\\d{1,9})\\s*\\)", Code::rangeBounds),
            new Idiom("\\b(\\w+) in range\\(\\s*(-?\\d{1,9})\\s*\\)",
                    match -> rangeBounds(match.group(1), "0", match.group(2))),
            new Idiom("(\\bfor\\s*\\(\\s*(?:int|long|let|var|size_t)\\s+(\\w+)\\s*=[^;]*;\\s*\\2\\s*)"
                    + "<\\s*(\\d{1,9})\\s*;",
                    match -> match.group(1) + "<= " + (Long.parseLong(match.group(3)) - 1) + ";"),
            // SQL's range and Python's parity by its lowest bit
            new Idiom("(?i)\\b(\\w++(?:\\.\\w++){0,3})\\s+between\\s+([\\w.'-]+)\\s+and\\s+([\\w.'-]+)",
                    "$1 >= $2 AND $1 <= $3"),
            new Idiom("\\bnot\\s+(\\w+)\\s*&\\s*1\\b", "$1 % 2 == 0"),
            // the larger or smaller of two by a conditional ("a > b ? a : b": "Math.max(a, b)")
            new Idiom("\\b(\\w+)\\s*>=?\\s*(\\w+)\\s*\\?\\s*\\1\\s*:\\s*\\2\\b", "Math.max($1, $2)"),
            new Idiom("\\b(\\w+)\\s*<=?\\s*(\\w+)\\s*\\?\\s*\\1\\s*:\\s*\\2\\b", "Math.min($1, $2)"),
            // a dict from pairs as a comprehension ("dict((w, len(w)) for w in words)": "{w: len(w) for w in words}")
            new Idiom("\\bdict\\(\\(\\s*(\\w+)\\s*,\\s*([^()]*(?:\\([^()]*\\))?)\\s*\\)\\s+(for\\s[^()]+)\\)",
                    "{$1: $2 $3}"),
            // CSS's named weights, and the first lines of a file by sed
            new Idiom("(?i)\\bfont-weight\\s*:\\s*bold\\b", "font-weight: 700"),
            new Idiom("(?i)\\bfont-weight\\s*:\\s*normal\\b", "font-weight: 400"),
            new Idiom("\\bsed -n\\s+(['\"]?)1,(\\d+)p\\1(?=\\s|$)", "head -n $2"),
            new Idiom("\\b(head|tail) -(\\d+)\\b", "$1 -n $2"),
            new Idiom("\\bObject\\.assign\\(\\s*\\{\\s*\\}\\s*,\\s*(\\w+)\\s*\\)", "{ ...$1 }"),
            new Idiom("\\+\\+(\\w+)\\b|\\b(\\w+)\\s*\\+=\\s*1\\b(?!\\s*[\\w(.])", "$1$2++"),
            new Idiom("\\bfunction\\s*\\(\\s*(\\w+)\\s*\\)\\s*\\{\\s*return\\s+([^;{}]+?);?\\s*\\}",
                    "$1 => $2"),
            new Idiom("\\bHEAD\\^(?![\\^~\\d])", "HEAD~1"),
            new Idiom("\\bgit checkout -- ", "git restore "),
            // the end of a shell command's options marked before its operands ("du -sh -- *": "du -sh *"; not SQL's
            // comment, "SELECT id FROM users -- WHERE …")
            new Idiom("(?m)^(\\s*(?:sudo\\s+)?(?:du|ls|rm|cp|mv|cat|grep|head|tail|wc|chmod|chown|touch|mkdir|rmdir|ln"
                    + "|sort|find|git\\s+[a-z-]+)\\s[^\\n]*?)\\s--\\s+(?=[^\\s-])", "$1 "),
            // the first n rows in SQL's dialects: LIMIT n, TOP n, FETCH FIRST n ROWS ONLY
            new Idiom("(?is)^select\\s+top\\s*\\(?(\\d+)\\)?\\s+(.*?)[\\s;]*$", "SELECT $2 LIMIT $1"),
            new Idiom("(?i)\\bfetch\\s+(?:first|next)\\s+(\\d+)\\s+rows?\\s+only\\b", "LIMIT $1"),
            new Idiom(";\\s*$", ""));

    /** The commands {@link #SHORT_OPTIONS} knows, as one alternation. */
    private static String optionCommands() {
        return SHORT_OPTIONS.keySet().stream().map(Pattern::pattern).collect(Collectors.joining("|"));
    }

    /** A command's long options in their one-letter spelling ("rm --recursive --force dir": "rm -r -f dir"). */
    private static String shortOptions(MatchResult match) {
        if (match.group(2).indexOf("--") < 0) {
            return match.group();
        }
        Map<String, String> shortOf = null;
        for (Map.Entry<Pattern, Map<String, String>> command : SHORT_OPTIONS.entrySet()) {
            if (command.getKey().matcher(match.group(1)).matches()) {
                shortOf = command.getValue();
                break;
            }
        }
        if (shortOf == null) {
            return match.group();
        }
        StringBuilder rest = new StringBuilder(match.group(2).length());
        for (String token : match.group(2).split("(?<=\\s)|(?=\\s)")) {
            rest.append(shortOf.getOrDefault(token, token));
        }
        return match.group(1) + rest;
    }

    /** An index one past the end of a sequence ("xs[len(xs)]"): it always fails. */
    private static final Pattern PAST_THE_END = Pattern.compile("\\b(\\w+)\\[\\s*len\\(\\s*\\1\\s*\\)\\s*\\]");
    /** A shell {@code find}, which searches the whole tree below where it starts. */
    private static final Pattern FIND = Pattern.compile("(?:^|[;&|(]\\s*)find\\s");
    /** A file name glob ("*.tmp"), which matches in one directory. */
    private static final Pattern GLOB = Pattern.compile("\\*\\.\\w+");
    /** Java's reference comparison of two names ("a == b"), and its comparison of contents ("a.equals(b)"). */
    private static final Pattern SAME_REFERENCE = Pattern.compile("\\b(\\w+)\\s*==\\s*(\\w+)\\b");
    private static final Pattern EQUALS = Pattern.compile("\\b(\\w+)\\.equals\\(\\s*(\\w+)\\s*\\)");
    /**
     * A sort without a comparator or key ("nums.sort()", "sorted(words)"), and one with ("sorted(words, key=…)"; not
     * "reverse=True" alone, which only turns the order round).
     */
    private static final Pattern PLAIN_SORT = Pattern.compile("\\.sort\\(\\s*\\)|\\bsorted\\(\\s*[\\w.]+\\s*\\)");
    private static final Pattern KEYED_SORT = Pattern.compile(
            "\\.sort\\(\\s*(?!reverse\\s*=)[^)\\s]|\\bsorted\\(\\s*[\\w.]+\\s*,\\s*+(?!reverse\\s*=[^,]*\\))");
    /** A deep copy, and a shallow one ("copy.deepcopy(grid)" / "grid.copy()", "structuredClone(o)" / "{...o}"). */
    private static final Pattern DEEP_COPY = Pattern.compile(
            "\\bdeepcopy\\(|\\bstructuredClone\\(|\\bJSON\\.parse\\(\\s*JSON\\.stringify\\(|\\bcloneDeep\\(");
    private static final Pattern SHALLOW_COPY = Pattern.compile("\\.copy\\(\\s*\\)|\\bcopy\\.copy\\(|\\[\\s*:\\s*\\]"
            + "|\\[\\s*\\.\\.\\.\\w+\\s*\\]|\\{\\s*\\.\\.\\.\\w+\\s*\\}|\\bObject\\.assign\\(|\\.slice\\(\\s*\\)"
            + "|\\blist\\(\\s*\\w+\\s*\\)"
            + "|\\.clone\\(\\s*\\)");
    /** CSS that hides an element but keeps its space, and CSS that takes it out of the layout. */
    private static final Pattern KEEPS_SPACE = Pattern.compile(
            "(?i)\\bvisibility\\s*:\\s*hidden\\b|\\bopacity\\s*:\\s*0\\b");
    private static final Pattern NO_SPACE = Pattern.compile("(?i)\\bdisplay\\s*:\\s*none\\b");
    /** JavaScript's test for an own property, and its "in", which also finds one the prototype chain inherits. */
    private static final Pattern OWN_PROPERTY = Pattern.compile("\\b(?:Object\\.hasOwn|hasOwnProperty)\\(");
    private static final Pattern IN_OBJECT = Pattern.compile("['\"][^'\"]*+['\"]\\s+in\\s+\\w");
    /** A string's length in characters, and in bytes (Rust's len(), Go's len(), Python's len of its encoding). */
    private static final Pattern CHARACTERS = Pattern.compile(
            "\\.chars\\(\\)\\.count\\(\\)|\\butf8\\.RuneCountInString\\(|\\[\\.\\.\\.\\w+\\]\\.length\\b"
                    + "|\\bcodePointCount\\(");
    private static final Pattern BYTES = Pattern.compile(
            "\\.len\\(\\)|\\blen\\(\\s*\\w+\\.encode\\(|\\bgetBytes\\([^)]*\\)\\.length\\b|\\bBuffer\\.byteLength\\(");
    /** A sort, and a reversal of the order as it is ("sorted(xs, reverse=True)" / "list(reversed(xs))"). */
    private static final Pattern SORTS = Pattern.compile("(?i)\\.sort\\(|\\bsorted\\(|\\border\\s+by\\b|\\bsortBy\\(");
    private static final Pattern REVERSES = Pattern.compile("\\breversed\\(|\\.reverse\\(\\s*\\)|\\[\\s*::\\s*-1\\s*\\]"
            + "|\\bCollections\\.reverse\\(|\\btac\\b");
    /** SQL's outer joins, and its filter on groups. */
    private static final Pattern OUTER_JOIN = Pattern.compile("(?i)\\b(?:left|right|full)\\s+(?:outer\\s+)?join\\b");
    private static final Pattern JOIN = Pattern.compile("(?i)\\bjoin\\b");
    private static final Pattern HAVING = Pattern.compile("(?i)\\bhaving\\b");
    private static final Pattern GROUP_BY = Pattern.compile("(?i)\\bgroup\\s+by\\b");
    private static final Pattern DISTINCT = Pattern.compile("(?i)\\bselect\\s+distinct\\b");
    /** Python's membership among a dict's values ("'id' in d.values()"), and among its keys ("'id' in d"). */
    private static final Pattern IN_VALUES = Pattern.compile("\\bin\\s+\\w+\\.values\\(\\)");
    private static final Pattern IN_KEYS = Pattern.compile("\\bin\\s+\\w+(?:\\.keys\\(\\))?\\s*(?:$|[`):;,\\]])");
    private static final Pattern JAVA = Pattern.compile("(?i)\\bjava\\b");
    private static final Pattern SELECT = Pattern.compile("(?i)^\\s*select\\b");
    /** What makes a command or a glob go into subdirectories. */
    private static final Pattern RECURSIVE = Pattern.compile("\\s-[a-zA-Z]*[rR][a-zA-Z]*\\b|--recursive|\\*\\*");

    /** One of find's tests with its value ({@link #sortedTests}). */
    private static final Pattern TEST = Pattern.compile("-empty|-[a-z]++\\s+[^\\s|;&]++");

    /** Characters that make a short text worth reading for idioms ({@link #commandLike}). */
    private static final String COMMAND_SYMBOLS = "-=<>()[]{}$/";

    /** Code longer than this many characters is read as written, its idioms left alone ({@link #idiomatic}). */
    static final int MAX_IDIOM_CHARS = 2000;

    /** A pattern and what a match becomes: a template in {@link Matcher#replaceAll(String)}'s syntax, or a function. */
    private record Idiom(Pattern pattern, String template, Function<MatchResult, String> rewrite) {
        Idiom(String regex, String template) {
            this(Pattern.compile(regex), template, null);
        }

        Idiom(String regex, Function<MatchResult, String> rewrite) {
            this(Pattern.compile(regex), null, rewrite);
        }

        String applyTo(String text) {
            Matcher matcher = pattern.matcher(text);
            return rewrite == null ? matcher.replaceAll(template)
                    : matcher.replaceAll(match -> Matcher.quoteReplacement(rewrite.apply(match)));
        }
    }

    /** An integer's membership of a range as its bounds ("x in range(1, 11)": "1 <= x <= 10"). */
    private static String rangeBounds(MatchResult match) {
        return rangeBounds(match.group(1), match.group(2), match.group(3));
    }

    private static String rangeBounds(String name, String from, String to) {
        return from + " <= " + name + " <= " + (Long.parseLong(to) - 1);
    }

    /** A comparison of a number with a name, the name first ("65 < age": "age > 65"). */
    private static String flippedComparison(MatchResult match) {
        String flipped = switch (match.group(2)) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            default -> "<=";
        };
        return match.group(3) + " " + flipped + " " + match.group(1);
    }

    /** find's tests, each with its value, in one order ({@link #IDIOMS}). */
    private static String sortedTests(MatchResult match) {
        String all = match.group();
        String tests = match.group(1);
        List<String> each = new ArrayList<>();
        Matcher test = TEST.matcher(tests);
        while (test.find()) {
            each.add(test.group().strip());
        }
        Collections.sort(each);
        return all.substring(0, match.start(1) - match.start()) + String.join(" ", each)
                + (tests.endsWith(" ") || tests.endsWith("\n") ? " " : "");
    }

    /**
     * The expression a whole answer keeps in a new variable ("const formatted = price.toFixed(2);":
     * "price.toFixed(2)"), or {@code null} when it is no one declaration.
     */
    static String declared(String code) {
        String text = code.strip();
        if (text.length() > MAX_IDIOM_CHARS) {
            return null;
        }
        Matcher matcher = DECLARATION.matcher(text);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** One-letter options, each with the number it takes if any, in one order ("-n 100 -f" is "-f -n 100"). */
    private static String sortedOptions(MatchResult match) {
        List<String> options = new ArrayList<>();
        for (String part : match.group().strip().split("\\s+(?=-)")) {
            options.add(part.strip().replaceAll("\\s+", " "));
        }
        Collections.sort(options);
        return String.join(" ", options);
    }

    /** A cluster of one-letter flags in one order ("-la" and "-al" are "-al"). */
    private static String sortedFlags(MatchResult match) {
        return sortedFlags(match.group(1));
    }

    private static String sortedFlags(String letters) {
        char[] flags = letters.toCharArray();
        Arrays.sort(flags);
        return "-" + new String(flags);
    }

    /** A kubectl resource by its full plural name and its own name ("deploy/web", "deployment web": "deployments web"). */
    private static String kubectlResource(MatchResult match) {
        String kind = switch (match.group(2)) {
            case "deploy", "deployment", "deployments" -> "deployments";
            case "po", "pod", "pods" -> "pods";
            case "svc", "service", "services" -> "services";
            case "ns", "namespace", "namespaces" -> "namespaces";
            default -> "configmaps";
        };
        return match.group(1) + " " + kind + " " + match.group(3);
    }

    /**
     * A slice compared with a string literal as the call it spells ("s[:4] == 'http'": "s.startswith('http')"), when
     * the slice is as long as the literal; otherwise as written.
     */
    private static String sliced(MatchResult match, String call) {
        String literal = match.group(4);
        return match.group(2).length() > 3 || literal.length() != Integer.parseInt(match.group(2)) ? match.group()
                : match.group(1) + "." + call + "(" + match.group(3) + literal + match.group(3) + ")";
    }

    private Code() {
    }

    /**
     * How two pieces of code do different things that their tokens hide, or null: one indexes one past the end of a
     * sequence ("xs[len(xs)]" / "xs[-1]"); one searches the whole tree with {@code find} where the other globs one
     * directory ("find . -name '*.tmp' -delete" / "rm -- *.tmp"); one sorts without a comparator or key where the other
     * has one ("nums.sort()" / "nums.sort((a, b) => a - b)"); one looks among a dict's values where the other looks
     * among its keys ("'id' in d.values()" / "'id' in d"); or, of two queries, one joins outer where the other joins
     * inner, filters groups with HAVING where the other filters rows, or groups where the other does not.
     */
    static String behaviour(String a, String b) {
        if (a.length() > MAX_IDIOM_CHARS || b.length() > MAX_IDIOM_CHARS) {
            return null;
        }
        if (PAST_THE_END.matcher(a).find() != PAST_THE_END.matcher(b).find()) {
            return "an index one past the end in one of them";
        }
        boolean findA = FIND.matcher(a).find();
        if (findA != FIND.matcher(b).find()) {
            String found = findA ? a : b;
            String other = findA ? b : a;
            if (GLOB.matcher(other).find() && !RECURSIVE.matcher(other).find() && !found.contains("-maxdepth 1")) {
                return "a search of the whole tree and a glob of one directory";
            }
        }
        if (PLAIN_SORT.matcher(a).find() && KEYED_SORT.matcher(b).find() && !KEYED_SORT.matcher(a).find()
                || PLAIN_SORT.matcher(b).find() && KEYED_SORT.matcher(a).find() && !KEYED_SORT.matcher(b).find()) {
            // a sort in the natural order of the elements ("nums.sort()" sorts numbers as strings in JavaScript)
            return "a sort without a comparator and one with";
        }
        if (oneOnly(DEEP_COPY, a, b) && (SHALLOW_COPY.matcher(a).find() || SHALLOW_COPY.matcher(b).find())) {
            // a shallow copy shares the nested lists or objects a deep one copies
            return "a deep copy in place of a shallow one";
        }
        if (pairedOnce(KEEPS_SPACE, NO_SPACE, a, b)) {
            return "an element hidden in its space in place of one taken out of the layout";
        }
        if (pairedOnce(OWN_PROPERTY, IN_OBJECT, a, b)) {
            return "a test of own properties in place of one that also finds inherited ones";
        }
        if (pairedOnce(CHARACTERS, BYTES, a, b)) {
            return "a length in characters in place of one in bytes";
        }
        boolean sortsA = SORTS.matcher(a).find();
        boolean sortsB = SORTS.matcher(b).find();
        if (sortsA != sortsB && REVERSES.matcher(sortsA ? b : a).find() && !REVERSES.matcher(sortsA ? a : b).find()) {
            return "a sort in place of a reversal of the order as it is";
        }
        if (IN_VALUES.matcher(a).find() != IN_VALUES.matcher(b).find()
                && (IN_KEYS.matcher(a).find() || IN_KEYS.matcher(b).find())) {
            // Python's "in" on a dict looks among its keys; ".values()" among what they map to
            return "membership among a dict's values in place of its keys";
        }
        if (SELECT.matcher(a).find() && SELECT.matcher(b).find()) {
            if (count(JOIN, a) == count(JOIN, b) && count(OUTER_JOIN, a) != count(OUTER_JOIN, b)) {
                // the same joins, one of them outer in one query only (not an anti-join written with NOT EXISTS)
                return "an outer join in place of an inner one";
            }
            if (HAVING.matcher(a).find() != HAVING.matcher(b).find()) {
                return "a filter on groups in place of one on rows";
            }
            if (GROUP_BY.matcher(a).find() != GROUP_BY.matcher(b).find() && !DISTINCT.matcher(a + " " + b).find()) {
                // a row per group against one row for the whole table ("… GROUP BY customer_id" / "COUNT(DISTINCT …)")
                return "a row per group in place of one for the whole table";
            }
        }
        return null;
    }

    /** Whether a question is about Java (not JavaScript). */
    static boolean java(String question) {
        return question != null && JAVA.matcher(question).find();
    }

    /** Whether an answer is an SQL query (it opens with SELECT). */
    static boolean sql(String answer) {
        return SELECT.matcher(answer).find();
    }

    /**
     * Whether one piece of Java compares two names by reference ("a == b") where the other compares their contents
     * ("a.equals(b)"): for objects such as strings they differ.
     */
    static boolean referenceAndContents(String a, String b) {
        return comparesContents(a, b) || comparesContents(b, a);
    }

    private static boolean comparesContents(String equals, String reference) {
        Matcher call = EQUALS.matcher(equals);
        Matcher compared = SAME_REFERENCE.matcher(reference);
        if (!call.find() || !compared.find() || reference.contains(".equals(")) {
            return false;
        }
        // (the same operands in either order; "a.equals(a)" is one operand twice)
        String x = call.group(1);
        String y = call.group(2);
        String p = compared.group(1);
        String q = compared.group(2);
        return x.equals(p) && y.equals(q) || x.equals(q) && y.equals(p);
    }

    /** Whether one text has the first pattern and not the second, and the other the second and not the first. */
    private static boolean pairedOnce(Pattern one, Pattern other, String a, String b) {
        boolean oneA = one.matcher(a).find();
        boolean oneB = one.matcher(b).find();
        boolean otherA = other.matcher(a).find();
        boolean otherB = other.matcher(b).find();
        return oneA && !otherA && otherB && !oneB || oneB && !otherB && otherA && !oneA;
    }

    /** Whether a pattern is found in one of two texts only. */
    private static boolean oneOnly(Pattern pattern, String a, String b) {
        return pattern.matcher(a).find() != pattern.matcher(b).find();
    }

    private static int count(Pattern pattern, String text) {
        int count = 0;
        for (Matcher matcher = pattern.matcher(text); matcher.find(); ) {
            count++;
        }
        return count;
    }

    /**
     * Whether a short text that does not read as code may still be a command or a statement an idiom rewrites: it
     * holds a symbol of code ("-", "=", "<", a bracket, "$", "/") or opens with a command a rule knows ("docker ps",
     * "kubectl get pods", "chmod a+x run.sh"). Prose ("The capital of France is Paris.") is not read for idioms.
     */
    static boolean commandLike(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (COMMAND_SYMBOLS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return text.startsWith("docker ") || text.startsWith("kubectl ") || text.startsWith("git ")
                || text.startsWith("chmod ") || text.startsWith("chown ");
    }

    /** Code with each common idiom ({@link #IDIOMS}) rewritten to one of its forms ("s.length() == 0": "s.isEmpty()"). */
    static String idiomatic(String code) {
        String text = code.strip();
        if (text.length() > MAX_IDIOM_CHARS) {
            // an idiom is a line or two; some of the patterns search back from each place they fail, so a long
            // answer (a provider's 100 KB of "a.a.a…") would cost the square of its length
            return text;
        }
        for (Idiom idiom : IDIOMS) {
            text = idiom.applyTo(text);
        }
        return text;
    }

    /**
     * Whether two pieces of code are the same up to a consistent renaming of their variables ("def f(x): return x * x"
     * / "def f(n): return n * n"): the same tokens in the same order, where every differing pair is two variable
     * names (used at least twice, no keyword, not a called function, a member after a dot, a flag after a dash or a
     * string's content) and each name maps to one other throughout.
     */
    static boolean renamed(String a, String b) {
        List<String> x = codeTokens(a);
        List<String> y = codeTokens(b);
        if (x.size() != y.size() || x.equals(y) || x.isEmpty() || x.size() > MAX_TOKENS) {
            return false;
        }
        Map<String, String> forward = new HashMap<>();
        Map<String, String> backward = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            String s = x.get(i);
            String t = y.get(i);
            if (s.equals(t)) {
                if (forward.containsKey(s) && !forward.get(s).equals(t) || backward.containsKey(t) && !backward.get(t).equals(s)) {
                    return false;
                }
                continue;
            }
            boolean variable = identifier(s) && identifier(t) && !KEYWORDS.contains(s.toLowerCase(Locale.ROOT))
                    && !KEYWORDS.contains(t.toLowerCase(Locale.ROOT))
                    && !(i + 1 < x.size() && x.get(i + 1).equals("(")) && !(i > 0 && (x.get(i - 1).equals(".")
                    || x.get(i - 1).equals("-"))) && Collections.frequency(x, s) >= 2;
            if (!variable || forward.containsKey(s) && !forward.get(s).equals(t)
                    || backward.containsKey(t) && !backward.get(t).equals(s)) {
                return false;
            }
            forward.put(s, t);
            backward.put(t, s);
        }
        return true;
    }

    /**
     * Whether two short pieces of code are the same but for their numbers, which differ ("s[:3]" / "s[1:4]",
     * "range(10)" / "range(1, 10)"): the same other tokens in the same order. Read after the idioms are rewritten
     * ("s[0:3]" is "s[:3]").
     */
    static boolean otherNumbers(String a, String b) {
        List<String> x = codeTokens(a);
        List<String> y = codeTokens(b);
        if (x.size() > SHORT_TOKENS || y.size() > SHORT_TOKENS) {
            return false;
        }
        List<String> numbersX = new ArrayList<>();
        List<String> numbersY = new ArrayList<>();
        List<String> restX = new ArrayList<>();
        List<String> restY = new ArrayList<>();
        split(x, numbersX, restX);
        split(y, numbersY, restY);
        return !numbersX.equals(numbersY) && restX.equals(restY) && !restX.isEmpty();
    }

    private static void split(List<String> tokens, List<String> numbers, List<String> rest) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (Character.isDigit(token.charAt(0))) {
                numbers.add(token);
            } else if (!(token.equals(",") && (i == 0 || Character.isDigit(tokens.get(i - 1).charAt(0))))) {
                // (the comma after a number goes with it: "range(1, 10)" has one argument more than "range(10)")
                rest.add(token);
            }
        }
    }

    private static boolean identifier(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }

    /** Code as tokens: names, numbers and every other character but spaces, backticks and a fence's language. */
    private static List<String> codeTokens(String code) {
        String text = code.strip();
        if (text.startsWith("```")) {
            int line = text.indexOf('\n');
            text = line < 0 ? text.substring(3) : text.substring(line + 1);
        }
        List<String> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '`') {
                i++;
            } else if (c == '\'' || c == '"') {
                // a string literal is one token: its content is no name
                int end = text.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1;
                tokens.add(text.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /**
     * Whether an answer reads as code ({@link AnswerKey#codeLike}), leaving aside a semicolon between two clauses of
     * prose ("PUT is idempotent; POST is not") and the "=" of a calculation ("55 in × 2.54 = 139.7 cm").
     */
    static boolean codeLike(String answer) {
        if (!AnswerKey.codeLike(answer)) {
            return false;
        }
        if (answer.indexOf('`') >= 0) {
            return true;
        }
        if (answer.indexOf('\n') < 0 && AnswerText.words(answer.toLowerCase(Locale.ROOT)).size() >= 20) {
            // a paragraph of prose with an example in it ("f([3, 1, 3, 2]) returns [1, 2, 3]")
            return false;
        }
        StringBuilder rest = new StringBuilder(answer.length());
        int n = answer.length();
        for (int i = 0; i < n; i++) {
            char c = answer.charAt(i);
            boolean prose = c == ';' && i > 0 && (Character.isLetterOrDigit(answer.charAt(i - 1))
                    || answer.charAt(i - 1) == ')' || answer.charAt(i - 1) == '"') && i + 2 < n
                    && answer.charAt(i + 1) == ' ' && Character.isLetter(answer.charAt(i + 2));
            boolean calculation = c == '=' && i > 0 && answer.charAt(i - 1) == ' ' && i + 2 < n
                    && answer.charAt(i + 1) == ' ' && (Character.isDigit(answer.charAt(i + 2))
                    || answer.charAt(i + 2) == '-' || answer.charAt(i + 2) == '\u2212');
            rest.append(prose || calculation ? ' ' : c);
        }
        return AnswerKey.codeLike(rest.toString());
    }

    /**
     * A short text with an arithmetic operator between its operands ("7 // 2", "a ** b"): an expression, read as code;
     * not words set apart by spaced slashes ({@link #alternatives}), three or more, or two where the question asks for
     * a label ({@code labelled}: "P1 / critical"; elsewhere "distance / time" is a ratio).
     */
    static boolean operators(String answer, boolean labelled) {
        if (answer.length() > 60) {
            return false;
        }
        for (String operator : new String[] {" // ", " ** ", " / ", " * ", " + ", " - "}) {
            int at = answer.indexOf(operator);
            if (operator.equals(" / ") && alternatives(answer, labelled ? 2 : 3)) {
                continue;
            }
            if (at > 0 && Quantities.isLetterOrDigit(Character.toLowerCase(answer.charAt(at - 1)))
                    && at + operator.length() < answer.length()
                    && Quantities.isLetterOrDigit(Character.toLowerCase(answer.charAt(at + operator.length())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a short text is at least {@code parts} runs of words set apart by spaced slashes ("P1 / critical", "gas /
     * solid / liquid"): alternatives or a list, no division. Each run opens with a letter and holds letters, digits,
     * spaces or hyphens only, none is a single character, and one has a word of three letters or more; "m / M", "n / 2",
     * "x / y" stay expressions.
     */
    static boolean alternatives(String answer, int parts) {
        // (most texts have no slash: no split, which compiles a pattern for a separator of three characters)
        if (answer.indexOf(" / ") < 0) {
            return false;
        }
        String[] runs = answer.strip().split(" / ");
        if (runs.length < Math.max(2, parts)) {
            return false;
        }
        boolean longWord = false;
        for (String part : runs) {
            if (part.length() < 2 || !Character.isLetter(part.charAt(0))) {
                return false;
            }
            int run = 0;
            for (int k = 0; k < part.length(); k++) {
                char c = part.charAt(k);
                if (Character.isLetter(c)) {
                    longWord |= ++run >= 3;
                } else if (c == ' ' || c == '-' || Quantities.isDigit(c)) {
                    run = 0;
                } else {
                    return false;
                }
            }
        }
        return longWord;
    }

}
