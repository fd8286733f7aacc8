package dev.wheelwise.image;

/**
 * An image the catalog cannot place (a private base, an unknown tag or digest, a platform it is
 * not published for). Not guessed: the message names the options that describe the image
 * instead ({@code --python 3.11 --libc glibc-2.36}), which every command accepts.
 */
public final class UnknownImage extends Exception {
  public UnknownImage(String message) {
    super(message);
  }

  /** The sentence that tells a user how to describe an image the catalog does not know. */
  static String describeWith(String what) {
    return what + "; describe it with --python X.Y --libc glibc-X.Y|musl-X.Y (e.g. --python 3.11 --libc glibc-2.36)"
        + " or read it from its registry with 'wheelwise images refresh IMAGE'";
  }
}
