package dev.schemadrift.cli;

import dev.schemadrift.aws.MissingRegionException;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How failures reach the user: one clear line on standard error, and with {@code --debug} the
 * causes and stack trace behind it.
 */
final class Failures {
  private Failures() {}

  /**
   * A command line picocli cannot parse: the problem, picocli's suggestion for a misspelt option or
   * command, and a short usage line instead of the whole help.
   */
  static int usageError(CommandLine.ParameterException exception, String[] arguments) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String name = commandLine.getCommandSpec().qualifiedName();
    err.println(name + ": " + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Usage: " + commandLine.getHelp().abbreviatedSynopsis().strip());
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return SchemaDriftCommand.EXIT_USAGE;
  }

  /**
   * A command that threw: a file or AWS failure, or no AWS region, is a configuration error,
   * anything else is a bug with its own exit code, so that scripts and users can tell the two
   * apart.
   */
  static int executionFailed(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String name = commandLine.getCommandSpec().qualifiedName();
    boolean internal =
        !(exception instanceof IOException
            || exception instanceof UncheckedIOException
            || exception instanceof StoreException
            || exception instanceof MissingRegionException);
    if (internal) {
      err.println(
          name
              + ": internal error: "
              + exception
              + (debug(commandLine.getCommandSpec())
                  ? ""
                  : " (--debug shows the stack trace to report)"));
    } else {
      err.println(name + ": " + exception.getMessage());
    }
    details(commandLine.getCommandSpec(), exception);
    err.flush();
    return internal ? SchemaDriftCommand.EXIT_INTERNAL : SchemaDriftCommand.EXIT_USAGE;
  }

  /** Whether {@code --debug} was given, before the command's name or after it. */
  static boolean debug(CommandSpec spec) {
    // picocli copies an inherited option into each subcommand, each with its own value.
    for (CommandSpec level = spec; level != null; level = level.parent()) {
      OptionSpec option = level.findOption("--debug");
      if (option != null && Boolean.TRUE.equals(option.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** With {@code --debug}: the failure's stack trace and causes, after its one-line message. */
  static void details(CommandSpec spec, Throwable failure) {
    if (debug(spec)) {
      PrintWriter err = spec.commandLine().getErr();
      failure.printStackTrace(err);
      err.flush();
    }
  }

  /**
   * The adapter itself, or with {@code --debug} the adapter behind a port that prints the stack
   * trace of every failure it throws: the run turns such a failure into a table's ERROR line and
   * keeps only its message, so the cause (an AWS error's chain) is shown where it happens. A proxy
   * rather than a hand-written decorator, so that a method added to the port needs no change here.
   */
  static <T> T watched(CommandSpec spec, Class<T> port, T adapter) {
    if (!debug(spec)) {
      return adapter;
    }
    PrintWriter err = spec.commandLine().getErr();
    String name = spec.qualifiedName();
    InvocationHandler handler =
        (proxy, method, arguments) -> {
          try {
            Object result = method.invoke(adapter, arguments);
            if (result == adapter) {
              return proxy;
            }
            // A port that hands out another port of its kind (the Glue catalog of another
            // account) hands out a watched one.
            return method.getReturnType() == port && result != null
                ? watched(spec, port, port.cast(result))
                : result;
          } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            synchronized (err) {
              err.println(
                  name + ": debug: " + port.getSimpleName() + "." + method.getName() + " failed:");
              failure.printStackTrace(err);
              err.flush();
            }
            throw failure;
          }
        };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }
}
