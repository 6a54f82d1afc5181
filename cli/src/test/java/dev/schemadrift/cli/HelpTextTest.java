package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help, as {@code --help} prints it at 80 columns: no line is longer, every summary
 * in a command list is whole, and no text is wrapped by hand and then again by picocli.
 */
class HelpTextTest {
  private static final int WIDTH = 80;

  /** A new row of a table: an option, a command or an exit code, not a continuation line. */
  private static final Pattern ROW = Pattern.compile("^( {2,6}-| {2}\\S+ {2,}\\S)");

  /** Where a paragraph may end: the end of a sentence, a heading, an ellipsis or a list. */
  private static final Pattern PARAGRAPH_END = Pattern.compile("[.:!?)]$");

  /** Every command and subcommand, by the words that name it on the command line. */
  static Stream<List<String>> commands() {
    List<List<String>> names = new ArrayList<>();
    collect(SchemaDriftCommand.wholeTree().getCommandSpec(), List.of(), names);
    return names.stream();
  }

  private static void collect(CommandSpec spec, List<String> path, List<List<String>> names) {
    names.add(path);
    for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(sub.getKey());
      collect(sub.getValue().getCommandSpec(), subPath, names);
    }
  }

  private static CommandSpec spec(List<String> path) {
    CommandSpec spec = SchemaDriftCommand.wholeTree().getCommandSpec();
    for (String name : path) {
      spec = spec.subcommands().get(name).getCommandSpec();
    }
    return spec;
  }

  private static String help(List<String> path) {
    List<String> arguments = new ArrayList<>(path);
    arguments.add("--help");
    CliRun run = CliRun.of(arguments.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("", run.err(), run.describe());
    return run.out();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void noLineIsWiderThan80Columns(List<String> path) {
    for (String line : help(path).lines().toList()) {
      assertTrue(line.length() <= WIDTH, "help of " + path + " has a line over 80: " + line);
    }
  }

  /**
   * Hand-wrapped text shows as a line that ends mid-sentence although the next line's first word
   * would have fitted on it: picocli's own wrapping fills each line greedily.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void noLineIsWrappedTwice(List<String> path) {
    String help = help(path);
    List<String> lines = afterSynopsis(help, path).lines().toList();
    for (int index = 0; index + 1 < lines.size(); index++) {
      String line = lines.get(index);
      String next = lines.get(index + 1);
      if (line.isBlank()
          || next.isBlank()
          || ROW.matcher(next).find()
          || PARAGRAPH_END.matcher(line.strip()).find()
          || isOptionNameAlone(line)) {
        continue;
      }
      String firstWord = next.strip().split(" ", 2)[0];
      assertTrue(
          // picocli fills each line up to one column short of the width.
          line.length() + 1 + firstWord.length() >= WIDTH,
          "help of "
              + path
              + " breaks a line early (wrapped by hand, then by picocli):\n"
              + line
              + "\n"
              + next);
    }
  }

  /** A long option name on a line of its own; its description starts on the next line. */
  private static boolean isOptionNameAlone(String line) {
    return line.strip().startsWith("-") && !line.strip().contains("  ");
  }

  /** The help after the synopsis (and a header before it), which picocli wraps its own way. */
  private static String afterSynopsis(String help, List<String> path) {
    CommandLine commandLine = SchemaDriftCommand.wholeTree();
    for (String name : path) {
      commandLine = commandLine.getSubcommands().get(name);
    }
    String synopsis = commandLine.getHelp().fullSynopsis();
    int start = help.indexOf(synopsis);
    assertTrue(start >= 0, "help of " + path + " shows its synopsis");
    return help.substring(start + synopsis.length());
  }

  /** Each command's summary in its parent's command list is its whole first sentence. */
  @ParameterizedTest
  @MethodSource("commands")
  void commandListShowsWholeSummaries(List<String> path) {
    CommandSpec parent = spec(path);
    if (parent.subcommands().isEmpty()) {
      return;
    }
    Map<String, String> listed = commandList(help(path));
    Map<String, String> expected = new LinkedHashMap<>();
    for (Map.Entry<String, CommandLine> sub : parent.subcommands().entrySet()) {
      String summary = summary(sub.getValue().getCommandSpec());
      assertTrue(
          summary.matches("[A-Z].*[.]"),
          sub.getKey() + "'s summary is not one complete sentence: " + summary);
      expected.put(sub.getKey(), summary);
    }
    assertEquals(expected, listed, "command list of " + path);
  }

  /** What picocli lists for a command: its header's first line, else its description's. */
  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    return paragraph(header.length > 0 ? header[0] : spec.usageMessage().description()[0]);
  }

  /** A description element without the blank lines ({@code %n}) around it. */
  private static String paragraph(String element) {
    return element.replaceAll("^(%n)+|(%n)+$", "");
  }

  /** The command list of a help text: each command's summary with its wrapped lines joined. */
  private static Map<String, String> commandList(String help) {
    Map<String, String> summaries = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^ {2}(\\S+) +(.*)$");
    boolean inList = false;
    String current = null;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        inList = true;
        continue;
      }
      if (!inList) {
        continue;
      }
      if (line.isBlank()) {
        break;
      }
      Matcher matcher = row.matcher(line);
      if (matcher.matches()) {
        current = matcher.group(1);
        summaries.put(current, matcher.group(2).strip());
      } else {
        summaries.merge(current, " " + line.strip(), String::concat);
      }
    }
    return summaries;
  }

  /**
   * Every description, of a command, an option or a parameter, is made of complete sentences: each
   * element is a paragraph picocli wraps, never a fragment of one.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void descriptionsAreCompleteSentences(List<String> path) {
    CommandSpec spec = spec(path);
    List<String> paragraphs = new ArrayList<>(List.of(spec.usageMessage().header()));
    paragraphs.addAll(List.of(spec.usageMessage().description()));
    List<ArgSpec> arguments = new ArrayList<>(spec.options());
    arguments.addAll(spec.positionalParameters());
    for (ArgSpec argument : arguments) {
      paragraphs.addAll(List.of(argument.description()));
    }
    for (String element : paragraphs) {
      String paragraph = paragraph(element);
      assertTrue(
          paragraph.matches("(?s)[A-Z`].*[.]"),
          "help of " + path + " has a description that is not whole sentences: " + paragraph);
    }
  }
}
