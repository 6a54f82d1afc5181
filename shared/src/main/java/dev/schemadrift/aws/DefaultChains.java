package dev.schemadrift.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.utils.SystemSetting;

/**
 * The SDK's default region and credentials chains, with the environment variables read from an
 * injected map rather than the process, so that a test can give the CLI a HOME or a profile of its
 * own.
 */
final class DefaultChains {
  private final Map<String, String> environment;
  private final String profileName;
  private ProfileFile profileFile;
  private Region region;

  DefaultChains(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    String profile = setting(ProfileFileSystemSetting.AWS_PROFILE);
    this.profileName =
        profile == null ? ProfileFileSystemSetting.AWS_PROFILE.defaultValue() : profile;
  }

  /**
   * The region, in the SDK's order: aws.region or AWS_REGION (always set in Lambda), then
   * AWS_DEFAULT_REGION (the AWS CLI's variable), then the profile's {@code region}, then instance
   * metadata; resolved once.
   */
  synchronized Region region() {
    if (region == null) {
      AwsRegionProvider variables =
          () -> {
            String name = setting(SdkSystemSetting.AWS_REGION);
            if (name == null) {
              name = nonBlank(environment.get("AWS_DEFAULT_REGION"));
            }
            if (name == null) {
              throw SdkClientException.create("AWS_REGION and AWS_DEFAULT_REGION are unset");
            }
            return Region.of(name);
          };
      AwsRegionProvider profile = new AwsProfileRegionProvider(this::profileFile, profileName);
      AwsRegionProvider chain =
          metadataDisabled()
              ? new AwsRegionProviderChain(variables, profile)
              : new AwsRegionProviderChain(variables, profile, new InstanceProfileRegionProvider());
      try {
        region = chain.getRegion();
      } catch (SdkClientException e) {
        throw new MissingRegionException(
            "no AWS region: AWS_REGION is unset, profile '"
                + profileName
                + "' in "
                + configFile()
                + " has no region"
                + (metadataDisabled() ? "" : " and instance metadata gave none")
                + "; set one with `export AWS_REGION=eu-west-1` or `aws configure set region"
                + " eu-west-1"
                + ("default".equals(profileName) ? "" : " --profile " + profileName)
                + "` (AWS_PROFILE picks the profile, AWS_CONFIG_FILE the file)",
            e);
      }
    }
    return region;
  }

  /**
   * The SDK's default credentials chain (environment, web identity, the same profile as the region,
   * container, instance metadata); it resolves at each call's signing, so credentials restored
   * after a SnapStart snapshot or refreshed by the runtime are the ones used.
   */
  AwsCredentialsProvider credentials() {
    return DefaultCredentialsProvider.builder()
        .profileFile(this::profileFile)
        .profileName(profileName)
        .build();
  }

  /** The config and credentials files merged as the SDK merges them, read once. */
  private synchronized ProfileFile profileFile() {
    if (profileFile == null) {
      ProfileFile.Aggregator files = ProfileFile.aggregator();
      add(files, configFile(), ProfileFile.Type.CONFIGURATION);
      add(files, credentialsFile(), ProfileFile.Type.CREDENTIALS);
      profileFile = files.build();
    }
    return profileFile;
  }

  private static void add(ProfileFile.Aggregator files, Path path, ProfileFile.Type type) {
    // As the SDK: a missing file is no error (and /dev/null, as in the moto runs, holds nothing).
    if (Files.isRegularFile(path) && Files.isReadable(path)) {
      files.addFile(ProfileFile.builder().content(path).type(type).build());
    }
  }

  private Path configFile() {
    return file(ProfileFileSystemSetting.AWS_CONFIG_FILE, "config");
  }

  private Path credentialsFile() {
    return file(ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE, "credentials");
  }

  private Path file(ProfileFileSystemSetting setting, String name) {
    String home = nonBlank(environment.get("HOME"));
    if (home == null) {
      home = System.getProperty("user.home");
    }
    String path = setting(setting);
    if (path == null) {
      return Path.of(home, ".aws", name);
    }
    // The AWS CLI and the SDK expand a leading ~ in these variables.
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(home + path.substring(1));
    }
    return Path.of(path);
  }

  private boolean metadataDisabled() {
    return "true".equalsIgnoreCase(setting(SdkSystemSetting.AWS_EC2_METADATA_DISABLED));
  }

  /** A setting as the SDK reads it, the system property first, from the injected environment. */
  private String setting(SystemSetting setting) {
    String property = nonBlank(System.getProperty(setting.property()));
    return property != null ? property : nonBlank(environment.get(setting.environmentVariable()));
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
