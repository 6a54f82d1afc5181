package dev.schemadrift.diff;

import java.util.Locale;

/**
 * Path globs of overrides and waivers: {@code *} any run of characters, {@code ?} one; any case.
 */
final class Glob {
  private Glob() {}

  static boolean matches(String glob, String path) {
    String pattern = glob.toLowerCase(Locale.ROOT);
    String text = path.toLowerCase(Locale.ROOT);
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    // Iterative wildcard matching with backtracking to the last star: linear-ish, no regex DoS.
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
