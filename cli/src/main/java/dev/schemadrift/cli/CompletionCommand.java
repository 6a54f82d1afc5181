package dev.schemadrift.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code schema-drift completion}: a shell completion script for the commands and options. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a completion script for bash or zsh.",
      "In bash, add `source <(schema-drift completion bash)` to ~/.bashrc. In zsh, add `source"
          + " <(schema-drift completion zsh)` to ~/.zshrc: the script loads zsh's bashcompinit"
          + " and registers the same completion."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:script printed", "2:usage error", SchemaDriftCommand.EXIT_INTERNAL_LINE})
final class CompletionCommand implements Callable<Integer> {
  /** The shells a script is written for. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(
      paramLabel = "SHELL",
      description = "The shell to complete in: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("schema-drift", spec.root().commandLine());
    PrintWriter out = spec.commandLine().getOut();
    switch (shell) {
      case bash -> out.print(script);
      case zsh -> {
        // zsh runs bash completion scripts through bashcompinit, which picocli's script loads
        // itself when it sees ZSH_VERSION: one script serves both shells.
        int firstLine = script.indexOf('\n') + 1;
        out.print(script.substring(0, firstLine));
        out.println("# For zsh: source it from ~/.zshrc; it loads compinit and bashcompinit.");
        out.print(script.substring(firstLine));
      }
    }
    out.flush();
    return 0;
  }
}
