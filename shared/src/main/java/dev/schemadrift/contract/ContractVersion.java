package dev.schemadrift.contract;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A contract's semantic version ({@code MAJOR.MINOR.PATCH[-pre]}), ordered by semantic-versioning
 * precedence; build metadata is not part of the versions contracts accept.
 */
public record ContractVersion(
    BigInteger major, BigInteger minor, BigInteger patch, String preRelease)
    implements Comparable<ContractVersion> {

  public ContractVersion {
    Objects.requireNonNull(major, "major");
    Objects.requireNonNull(minor, "minor");
    Objects.requireNonNull(patch, "patch");
    if (major.signum() < 0 || minor.signum() < 0 || patch.signum() < 0) {
      throw new IllegalArgumentException("version numbers must not be negative");
    }
    if (preRelease != null && preRelease.isEmpty()) {
      throw new IllegalArgumentException("an empty pre-release is written as none");
    }
  }

  /**
   * Parses a version as the contract readers accept it; the numbers are unbounded there, hence
   * {@link BigInteger}.
   *
   * @throws IllegalArgumentException when {@code text} is not such a version
   */
  public static ContractVersion parse(String text) {
    Matcher matcher = ContractConstraints.SEMVER.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a semantic version like 1.2.0");
    }
    String preRelease = matcher.group(4);
    return new ContractVersion(
        new BigInteger(matcher.group(1)),
        new BigInteger(matcher.group(2)),
        new BigInteger(matcher.group(3)),
        preRelease == null ? null : preRelease.substring(1));
  }

  /**
   * The bump from {@code older} to this version: the most significant of major, minor and patch
   * that grew. A version that only leaves or changes its pre-release is no bump; one that is lower
   * is not a bump either ({@link #compareTo} tells it apart).
   */
  public VersionBump bumpFrom(ContractVersion older) {
    int majors = major.compareTo(older.major);
    if (majors != 0) {
      return majors > 0 ? VersionBump.MAJOR : VersionBump.NONE;
    }
    int minors = minor.compareTo(older.minor);
    if (minors != 0) {
      return minors > 0 ? VersionBump.MINOR : VersionBump.NONE;
    }
    return patch.compareTo(older.patch) > 0 ? VersionBump.PATCH : VersionBump.NONE;
  }

  /** The lowest version above this one that makes {@code bump} (for advice: 1.4.2 → 2.0.0). */
  public ContractVersion next(VersionBump bump) {
    return switch (bump) {
      case NONE -> this;
      case PATCH -> new ContractVersion(major, minor, patch.add(BigInteger.ONE), null);
      case MINOR -> new ContractVersion(major, minor.add(BigInteger.ONE), BigInteger.ZERO, null);
      case MAJOR ->
          new ContractVersion(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, null);
    };
  }

  /** Semantic-versioning precedence: numbers first, then a pre-release sorts below its release. */
  @Override
  public int compareTo(ContractVersion other) {
    int numbers = major.compareTo(other.major);
    if (numbers == 0) {
      numbers = minor.compareTo(other.minor);
    }
    if (numbers == 0) {
      numbers = patch.compareTo(other.patch);
    }
    if (numbers != 0) {
      return numbers;
    }
    if (preRelease == null || other.preRelease == null) {
      return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
    }
    String[] mine = preRelease.split("\\.", -1);
    String[] theirs = other.preRelease.split("\\.", -1);
    for (int index = 0; index < Math.min(mine.length, theirs.length); index++) {
      int order = compareIdentifier(mine[index], theirs[index]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(mine.length, theirs.length);
  }

  /**
   * Numeric identifiers compare as numbers and sort below alphanumeric ones, which compare as text.
   */
  private static int compareIdentifier(String mine, String theirs) {
    boolean mineNumeric = isNumeric(mine);
    boolean theirsNumeric = isNumeric(theirs);
    if (mineNumeric && theirsNumeric) {
      return new BigInteger(mine).compareTo(new BigInteger(theirs));
    }
    if (mineNumeric != theirsNumeric) {
      return mineNumeric ? -1 : 1;
    }
    return mine.compareTo(theirs);
  }

  private static boolean isNumeric(String identifier) {
    if (identifier.isEmpty()) {
      return false;
    }
    for (int index = 0; index < identifier.length(); index++) {
      char c = identifier.charAt(index);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
  }
}
