package dev.schemadrift.cli;

import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.contract.RegistryReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Problem;
import dev.schemadrift.local.LocalFile;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema-drift validate}: contracts and registries, every problem with file and path. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validates contracts and a registry without touching AWS.",
      "Every problem is printed as FILE: JSON-PATH: MESSAGE. A registry's contracts are validated"
          + " too."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything is valid",
      "1:problems were found",
      "2:usage error",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
    })
final class ValidateCommand implements Callable<Integer> {
  @Option(
      names = "--contracts",
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "Contract files or folders.")
  List<Path> contracts = new ArrayList<>();

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description = "A registry; its contracts are validated too.")
  Path registry;

  @Option(
      names = "--contracts-root",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "The folder registry contract keys are relative to (default: the current folder).")
  Path contractsRoot;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (contracts.isEmpty() && registry == null) {
      err.println("schema-drift validate: give --contracts and/or --registry");
      return SchemaDriftCommand.EXIT_USAGE;
    }
    // By absolute path, so that one file named twice (by the registry and by --contracts, or once
    // relative and once absolute) is validated once; each keeps the spelling it was first given.
    Map<Path, Path> files = new LinkedHashMap<>();
    Path root = contractsRoot.toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    if (registry != null) {
      if (!Files.isRegularFile(registry)) {
        err.println("schema-drift validate: no such registry file: " + registry);
        return SchemaDriftCommand.EXIT_USAGE;
      }
      byte[] registryBytes = read(registry, RegistryReader.MAX_BYTES, problems);
      try {
        Registry parsed =
            registryBytes == null ? null : RegistryReader.read(registry.toString(), registryBytes);
        for (int index = 0; parsed != null && index < parsed.tables().size(); index++) {
          String key = parsed.tables().get(index).contract();
          if (key.startsWith("s3://")) {
            continue;
          }
          Path file = contractsRoot.resolve(key).normalize();
          if (!file.toAbsolutePath().normalize().startsWith(root)
              || !LocalFile.isInside(file, root)) {
            // check reads contracts only below --contracts-root (links resolved) and would make
            // this an ERROR.
            problems.add(
                registry
                    + ": $.tables["
                    + index
                    + "].contract: "
                    + key
                    + " is outside --contracts-root "
                    + root);
          } else if (!Files.exists(file)) {
            problems.add(
                registry + ": $.tables[" + index + "].contract: no such contract file " + file);
          } else {
            add(files, file);
          }
        }
      } catch (InvalidDocumentException e) {
        e.problems().forEach(problem -> problems.add(problem.toString()));
      }
    }
    for (Path path : contracts) {
      if (!Files.exists(path)) {
        err.println("schema-drift validate: no such file or folder: " + path);
        return SchemaDriftCommand.EXIT_USAGE;
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(CheckCommand::isContractFile)
              .sorted()
              .forEach(file -> add(files, file));
        }
      } else {
        add(files, path);
      }
    }
    int valid = 0;
    for (Path file : files.values()) {
      try {
        byte[] bytes = read(file, ContractReader.MAX_BYTES, problems);
        if (bytes == null) {
          continue;
        }
        Contracts.read(file.toString(), bytes);
        valid++;
      } catch (InvalidDocumentException e) {
        for (Problem problem : e.problems()) {
          problems.add(problem.toString());
        }
      }
    }
    problems.forEach(out::println);
    out.println(
        valid
            + " of "
            + files.size()
            + " contract"
            + (files.size() == 1 ? "" : "s")
            + " valid"
            + (registry == null ? "" : ", registry " + registry)
            + "; "
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s"));
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }

  /**
   * A file read as {@code check} reads it (a regular file up to the same limit), or null with the
   * reason among the problems.
   */
  private static byte[] read(Path file, int maxBytes, List<String> problems) {
    try {
      return LocalFile.read(file, maxBytes)
          .orElseThrow(() -> new StoreException(ErrorKind.IO_ERROR, "no such file " + file, null));
    } catch (StoreException e) {
      // The message names the file.
      problems.add(e.getMessage());
      return null;
    }
  }

  private static void add(Map<Path, Path> files, Path file) {
    files.putIfAbsent(file.toAbsolutePath().normalize(), file);
  }
}
