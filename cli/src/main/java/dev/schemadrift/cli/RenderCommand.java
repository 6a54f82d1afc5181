package dev.schemadrift.cli;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.local.LocalFolderObjectStore;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.report.ReportGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema-drift render}: reports and index.html from diffs already written. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Renders reports and index.html again from diffs already written.",
      "Reads the diff artifacts in an output folder (what `check --out` wrote) and writes Markdown"
          + " and HTML reports and index.html: for one run's manifest, for given diffs, or just"
          + " the index."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rendered",
      "2:usage error, or the inputs could not be read",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
    })
final class RenderCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out",
      description = "The output folder (default: out).")
  Path out;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
  What what;

  /** Which inputs to render; nothing means: rebuild the index only. */
  static final class What {
    @Option(
        names = "--run",
        paramLabel = "RUN_ID",
        description = "Render the run with this id (runs/<id>.json).")
    String run;

    @Option(
        names = "--diff",
        arity = "1..*",
        paramLabel = "KEY",
        description = "Render these diffs (diffs/<db>.<table>/<run>.diff.json).")
    List<String> diffs;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path folder = out.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      err.println("schema-drift render: no such folder: " + out);
      return SchemaDriftCommand.EXIT_USAGE;
    }
    ReportGenerator generator =
        new ReportGenerator(
            new LocalFolderObjectStore(folder, Map.of(CheckCommand.OUT_BUCKET, folder)),
            CheckCommand.OUT_BUCKET);
    try {
      if (what != null && what.run != null) {
        generator.generateRun(BucketLayout.manifest(what.run));
      } else if (what != null && what.diffs != null) {
        generator.generateDiffs(what.diffs);
      } else {
        generator.rebuildIndex();
      }
    } catch (IllegalArgumentException | InvalidDocumentException | StoreException e) {
      err.println("schema-drift render: " + e.getMessage());
      Failures.details(spec, e);
      return SchemaDriftCommand.EXIT_USAGE;
    }
    spec.commandLine().getOut().println("Report: " + folder.resolve("index.html"));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
