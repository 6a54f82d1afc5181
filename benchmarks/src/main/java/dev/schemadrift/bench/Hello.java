package dev.schemadrift.bench;

/** The JVM floor of the cold-start comparison: start, print, exit. */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
