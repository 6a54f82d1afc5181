package dev.schemadrift.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * Where {@link AwsClients} finds its region: the variables, then the profile in the config file the
 * (injected) environment names, never a silent default. Instance metadata is disabled so that the
 * outcome does not depend on the machine the test runs on.
 */
class AwsClientsRegionTest {
  @TempDir Path home;
  private final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void emptyHome() {
    environment.put("HOME", home.toString());
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
  }

  @Test
  void noRegionAnywhereIsAnErrorThatSaysHowToSetOne() {
    MissingRegionException error = assertThrows(MissingRegionException.class, () -> clients().s3());

    assertEquals(
        "no AWS region: AWS_REGION is unset, profile 'default' in "
            + home.resolve(".aws/config")
            + " has no region; set one with `export AWS_REGION=eu-west-1` or `aws configure set"
            + " region eu-west-1` (AWS_PROFILE picks the profile, AWS_CONFIG_FILE the file)",
        error.getMessage());
  }

  @Test
  void aNamedProfileWithoutRegionIsNamedInTheError() throws IOException {
    config(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n[profile analytics]\n");
    environment.put("AWS_PROFILE", "analytics");

    MissingRegionException error = assertThrows(MissingRegionException.class, clients()::region);

    assertEquals(
        "no AWS region: AWS_REGION is unset, profile 'analytics' in "
            + home.resolve(".aws/config")
            + " has no region; set one with `export AWS_REGION=eu-west-1` or `aws configure set"
            + " region eu-west-1 --profile analytics` (AWS_PROFILE picks the profile,"
            + " AWS_CONFIG_FILE the file)",
        error.getMessage());
  }

  @Test
  void theDefaultProfileOfTheConfigFileInHome() throws IOException {
    config(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n");

    assertEquals(Region.EU_WEST_1, clients().region());
  }

  @Test
  void theProfileAndFileTheEnvironmentNames() throws IOException {
    Path file = home.resolve("elsewhere/aws-config");
    config(file, "[default]\nregion = eu-west-1\n\n[profile analytics]\nregion = eu-central-1\n");
    environment.put("AWS_CONFIG_FILE", file.toString());
    environment.put("AWS_PROFILE", "analytics");

    assertEquals(Region.EU_CENTRAL_1, clients().region());
  }

  @Test
  void aRegionInTheCredentialsFileCountsAsTheSdkMergesBoth() throws IOException {
    config(home.resolve(".aws/credentials"), "[default]\nregion = ap-southeast-2\n");

    assertEquals(Region.AP_SOUTHEAST_2, clients().region());
  }

  @Test
  void theVariablesWinOverTheProfile() throws IOException {
    config(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n");
    environment.put("AWS_DEFAULT_REGION", "us-west-2");

    assertEquals(Region.US_WEST_2, clients().region());

    environment.put("AWS_REGION", "eu-north-1");

    assertEquals(Region.EU_NORTH_1, clients().region());
  }

  private AwsClients clients() {
    return new AwsClients(environment, List.of());
  }

  private static void config(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
