package dev.quorum.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Quorum's command line: {@code quorum ask}, {@code usage}, {@code providers} and {@code prompts}, against a running
 * Quorum ({@code --url}, {@code QUORUM_URL}) or an engine started in the process. {@code java -jar quorum.jar} runs it
 * when its first argument is one of these commands ({@link #handles}) and starts the server otherwise; docs/cli.md
 * lists the commands and their exit codes ({@link ExitCodes}).
 */
@Command(name = "quorum", mixinStandardHelpOptions = true, versionProvider = QuorumCli.Version.class,
        description = "Ask Quorum, a multi-LLM gateway: one provider, a panel's vote or a cascade.%n"
                + "Against a running Quorum (--url or QUORUM_URL), or the engine in this process when none is named.%n"
                + "Without a command, java -jar quorum.jar [--config <file>] [--routes <folder>] starts the server.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 answered", "  1 Quorum answered with another error (a provider failed, none available)",
                "  2 bad input (an option, a refused request or API key)", "  3 quorum not met",
                "  4 budget refused", "  5 Quorum unreachable", "Details: docs/cli.md"})
public final class QuorumCli implements Runnable {

    /** The first arguments that make {@code java -jar quorum.jar} the command line rather than the server. */
    static final Set<String> COMMANDS = Set.of("ask", "usage", "providers", "prompts", "health", "help", "--help", "-h",
            "--version", "-V");

    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    QuorumCli(CliContext context) {
        this.context = context;
    }

    /** Whether these arguments are a command of the command line (else they are the server's). */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs a command with the process's streams and environment and exits with its code. */
    public static void main(String[] args) {
        CliContext context = new CliContext(System.in, writer(System.out), writer(System.err), System.getenv(),
                System.console() != null, Path.of(""), Map.of());
        System.exit(run(args, context));
    }

    /** Runs a command; returns its exit code. */
    static int run(String[] args, CliContext context) {
        CommandLine commandLine = commandLine(context);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine prompts = new CommandLine(new PromptsCommand())
                .addSubcommand(new PromptsCommand.ListCommand(context))
                .addSubcommand(new PromptsCommand.ShowCommand(context));
        CommandLine commandLine = new CommandLine(new QuorumCli(context))
                .addSubcommand(new AskCommand(context))
                .addSubcommand(new UsageCommand(context))
                .addSubcommand(new ProvidersCommand(context))
                .addSubcommand(prompts)
                .addSubcommand(new HealthCommand(context))
                .addSubcommand(new CommandLine.HelpCommand());
        commandLine.setOut(context.out()).setErr(context.err());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean json = line.getCommandSpec().findOption("--json") != null
                    && Boolean.TRUE.equals(line.getCommandSpec().findOption("--json").getValue());
            CliException failure = e instanceof CliException cli ? cli
                    : new CliException(ExitCodes.FAILED, "cli_error", String.valueOf(e.getMessage()), e);
            return Output.fail(context, json, failure);
        });
        return commandLine;
    }

    @Override
    public void run() {
        // "quorum" alone: what there is to do
        spec.commandLine().usage(context.out());
        context.out().flush();
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** The version from the jar's manifest (unknown when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = QuorumCli.class.getPackage().getImplementationVersion();
            return new String[] {"quorum " + (version == null ? "(development build)" : version)};
        }
    }

}
