package dev.schemadrift.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documented resolutions of disagreements: {@code experiment-id<TAB>resolution} per line, where
 * the resolution says the rule was fixed, names the source showing that Athena is stricter than the
 * engine measured here, or describes a defect of the engine (what fails, and the evidence) that
 * makes its outcome no schema verdict.
 */
final class Resolutions {
  static final String RULE_FIXED = "rule fixed";
  static final String MORE_LENIENT = "engine more lenient than Athena's documented behaviour: ";
  static final String ENGINE_DEFECT = "engine defect: ";

  private Resolutions() {}

  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> resolutions = new TreeMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      String where = file + " line " + number;
      if (fields.length != 2) {
        throw new IllegalArgumentException(where + ": expected experiment-id<TAB>resolution");
      }
      String resolution = fields[1].strip();
      if (!resolution.equals(RULE_FIXED)
          && !explained(resolution, MORE_LENIENT)
          && !explained(resolution, ENGINE_DEFECT)) {
        throw new IllegalArgumentException(
            where
                + ": the resolution must be '"
                + RULE_FIXED
                + "', '"
                + MORE_LENIENT
                + "<source>' or '"
                + ENGINE_DEFECT
                + "<what and evidence>'");
      }
      if (resolutions.put(fields[0].strip(), resolution) != null) {
        throw new IllegalArgumentException(where + ": " + fields[0] + " is resolved twice");
      }
    }
    return resolutions;
  }

  /** A resolution of this kind that says something after its prefix. */
  private static boolean explained(String resolution, String kind) {
    return resolution.startsWith(kind) && !resolution.substring(kind.length()).isBlank();
  }
}
