package dev.schemadrift.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's deploy commands are the ones the Makefile runs, the Makefile has the targets the
 * docs name, and every template parameter is documented in docs/DEPLOY.md.
 */
class DeployDocsTest {
  private static final Path ROOT = CloudFormationTemplate.repositoryRoot();
  private static final Pattern FLAG = Pattern.compile("(?<=\\s)--[a-z][a-z-]*");
  private static final Pattern OVERRIDE = Pattern.compile("'([A-Za-z]+)=");

  /** The text with backslash-newline continuations joined, as make and the shell read it. */
  private static String joined(Path file) throws IOException {
    return Files.readString(file).replaceAll("\\\\\\n\\s*", " ");
  }

  /** A Makefile variable's definition (NAME = value), continuation lines joined. */
  private static String makeVariable(String makefile, String name) {
    Matcher definition =
        Pattern.compile("(?m)^" + Pattern.quote(name) + " = (.*)$").matcher(makefile);
    assertTrue(definition.find(), "the Makefile defines " + name);
    return definition.group(1);
  }

  /** The first line of a text that starts with a command (after joining continuations). */
  private static String commandLine(String text, String command) {
    return text.lines()
        .map(String::strip)
        .filter(line -> line.startsWith(command))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line starts with " + command));
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
    }
    return found;
  }

  @Test
  void readmeShowsTheCommandsTheMakefileRuns() throws IOException {
    String makefile = joined(ROOT.resolve("Makefile"));
    String readme = joined(ROOT.resolve("README.md"));
    String deployDoc = joined(ROOT.resolve("docs/DEPLOY.md"));
    String makePackage = makeVariable(makefile, "PACKAGE_COMMAND").replace("$(AWS)", "aws");
    String makeDeploy =
        makeVariable(makefile, "DEPLOY_COMMAND")
            .replace("$(AWS)", "aws")
            .replace(
                "$(MODE_PARAMETERS_$(MODE))", makeVariable(makefile, "MODE_PARAMETERS_registry"));
    for (String doc : List.of(readme, deployDoc)) {
      String docPackage = commandLine(doc, "aws cloudformation package");
      String docDeploy = commandLine(doc, "aws cloudformation deploy");
      assertEquals(all(FLAG, makePackage), all(FLAG, docPackage), "package flags");
      assertEquals(all(FLAG, makeDeploy), all(FLAG, docDeploy), "deploy flags");
      assertEquals(
          all(OVERRIDE, makeDeploy), all(OVERRIDE, docDeploy), "deploy parameter overrides");
    }
    assertTrue(makeDeploy.contains("--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"));
    // CloudFormation takes an inline template body of at most 51,200 bytes; packaging only adds
    // to the template, so from that size on deploy must upload it (a real deploy failed this way).
    if (Files.size(ROOT.resolve("template.yaml")) > 51_200) {
      assertTrue(
          makeDeploy.contains("--s3-bucket $(ARTIFACT_BUCKET)"),
          "a template over 51,200 bytes is deployed through the artifact bucket: " + makeDeploy);
    }
  }

  @Test
  void makefileHasTheDocumentedTargets() throws IOException {
    String makefile = Files.readString(ROOT.resolve("Makefile"));
    for (String target :
        List.of(
            "build",
            "test",
            "template-check",
            "package",
            "deploy",
            "upload",
            "localtest",
            "demo",
            "fmt",
            "clean",
            "rules-doc")) {
      assertTrue(
          Pattern.compile("(?m)^" + Pattern.quote(target) + ":").matcher(makefile).find(),
          "make " + target);
    }
    assertTrue(
        Pattern.compile("(?m)^test: .*template-check").matcher(makefile).find(),
        "make test runs the template checks");
  }

  @Test
  void everyTemplateParameterIsDocumented() throws IOException {
    String deployDoc = Files.readString(ROOT.resolve("docs/DEPLOY.md"));
    for (String parameter : CloudFormationTemplate.load().section("Parameters").keySet()) {
      assertTrue(
          deployDoc.contains("`" + parameter + "`"), "docs/DEPLOY.md describes " + parameter);
    }
    String readme = Files.readString(ROOT.resolve("README.md"));
    for (String doc : List.of("DEPLOY.md", "IAM_PREREQS.md", "OPERATIONS.md", "CONTRACTS.md")) {
      assertTrue(Files.isRegularFile(ROOT.resolve("docs").resolve(doc)), doc);
      assertTrue(readme.contains("(docs/" + doc + ")"), "README links docs/" + doc);
    }
  }
}
