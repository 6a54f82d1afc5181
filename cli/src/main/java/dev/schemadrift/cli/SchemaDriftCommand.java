package dev.schemadrift.cli;

import dev.schemadrift.concurrent.FixedStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code schema-drift} command: compares data contracts with the AWS Glue Data Catalog. */
@Command(
    name = "schema-drift",
    mixinStandardHelpOptions = true,
    versionProvider = SchemaDriftCommand.Version.class,
    description = "Compares data contracts with AWS Glue tables and classifies every difference.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:an artifact was produced and its status is below --fail-on",
      "1:the status is at or above --fail-on",
      "2:usage or configuration error",
      "3:a table's status is ERROR (the artifact is still printed)",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
    })
public final class SchemaDriftCommand implements Runnable {
  /** Exit code: status at or above --fail-on. */
  public static final int EXIT_FAIL_ON = 1;

  /** Exit code: usage or configuration error. */
  public static final int EXIT_USAGE = 2;

  /** Exit code: a table is ERROR. */
  public static final int EXIT_ERROR = 3;

  /** Exit code: an internal failure (an unexpected exception, a bug). */
  public static final int EXIT_INTERNAL = 4;

  /** The exit-code line every command's help shows for {@link #EXIT_INTERNAL}. */
  static final String EXIT_INTERNAL_LINE =
      "4:internal error, a bug (--debug shows the stack trace to report)";

  // Inherited, so it may follow the command's name too; Failures.debug reads the parsed value.
  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the causes and stack traces of failures on standard error.")
  boolean debug;

  /**
   * The subcommands, in the order help lists them. Registered by {@link #execute} rather than in
   * {@code @Command}, because picocli builds each one's model by reflection when it is registered:
   * for all of them that is about a third of the CLI's start (docs/PERFORMANCE.md#cli-startup).
   */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          InitCommand.class,
          ValidateCommand.class,
          RulesCommand.class,
          RenderCommand.class,
          DiffCommand.class,
          CompatCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /**
   * The subcommands that run the same with none of the others registered, so that a command line
   * starting with one of these names registers that one alone. Not {@code help} (it lists the
   * others) nor any command that reads the whole tree.
   */
  private static final List<Class<?>> STANDALONE =
      List.of(
          CheckCommand.class,
          InitCommand.class,
          ValidateCommand.class,
          RulesCommand.class,
          RenderCommand.class,
          DiffCommand.class,
          CompatCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with the given streams; returns the exit code (used by tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandLine.defaultFactory());
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, with the factory that builds the
   * subcommands: tests use {@link #factory} to give them an environment (moto) and a clock.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    // Deeply nested types recurse; the verdict must not depend on the caller's stack.
    return FixedStack.call("schema-drift", () -> execute(args, out, err, factory));
  }

  private static int execute(
      String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    CommandLine commandLine = withSubcommands(subcommandsFor(args), factory);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(exception -> EXIT_USAGE);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // Every command answers --version alike (picocli asks the command's own provider).
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      subcommand.getCommandSpec().versionProvider(new Version());
    }
    commandLine.setParameterExceptionHandler(Failures::usageError);
    commandLine.setExecutionExceptionHandler(Failures::executionFailed);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command with every subcommand registered, as help shows it (used by tests). */
  static CommandLine wholeTree() {
    return withSubcommands(SUBCOMMANDS, CommandLine.defaultFactory());
  }

  private static CommandLine withSubcommands(
      List<Class<?>> subcommands, CommandLine.IFactory factory) {
    CommandLine commandLine = new CommandLine(new SchemaDriftCommand(), factory);
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(subcommand);
    }
    return commandLine;
  }

  /** The subcommand the arguments name exactly if it is {@link #STANDALONE}, else all of them. */
  static List<Class<?>> subcommandsFor(String[] args) {
    if (args.length > 0) {
      for (Class<?> subcommand : STANDALONE) {
        if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
          return List.of(subcommand);
        }
      }
    }
    return SUBCOMMANDS;
  }

  /**
   * Builds the commands that read the process environment or the clock with the given ones instead,
   * so that a test can point {@code --aws} at an emulator without touching the JVM's environment;
   * everything else is built as picocli would.
   */
  static CommandLine.IFactory factory(Clock clock, Map<String, String> environment) {
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == CheckCommand.class) {
          return type.cast(new CheckCommand(clock, environment));
        }
        if (type == InitCommand.class) {
          return type.cast(new InitCommand(environment));
        }
        if (type == DiffCommand.class) {
          return type.cast(new DiffCommand(clock));
        }
        return fallback.create(type);
      }
    };
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The project version and git commit that the build wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      return new String[] {BuildVersion.read().describe()};
    }
  }
}
