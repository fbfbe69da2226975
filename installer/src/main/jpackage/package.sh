#!/usr/bin/env bash
# Builds Tessera's app image and Linux .deb with jpackage from desktop-app's jar and runtime jars.
#   package.sh <desktop-app/target> <work dir> <version>
# Temurin 25 ships no jmods: jlink takes the JDK's modules from the running JDK's own runtime image and
# JavaFX's from desktop-app/target/javafx, so the app starts with JavaFX as named modules, as ./tessera run does.
set -euo pipefail
app_target=$1
work=$2
version=$3
jpackage="$JAVA_HOME/bin/jpackage"

if [ ! -f "$app_target/desktop-app.jar" ] || [ ! -d "$app_target/lib" ] || [ ! -d "$app_target/javafx" ]; then
  echo "desktop-app is not built: run ./tessera package (it builds desktop-app first)" >&2
  exit 1
fi
input="$work/input"
javafx="$work/javafx"
rm -rf "$input" "$javafx" "$work/image" "$work/deb"
mkdir -p "$input" "$javafx" "$work/image" "$work/deb"
cp "$app_target/desktop-app.jar" "$input/"
for jar in "$app_target"/lib/*.jar; do
  # JavaFX is linked into the runtime below, never on the class path (a lib/ from an older build may still hold it)
  case "$(basename "$jar")" in
    javafx-*) ;;
    *) cp "$jar" "$input/" ;;
  esac
done
for jar in "$app_target"/javafx/javafx-*.jar; do
  # the no-classifier javafx-*.jar are empty placeholders; the -linux ones are the modules
  case "$(basename "$jar")" in
    javafx-*-[0-9]*[0-9].jar) ;;
    *) cp "$jar" "$javafx/" ;;
  esac
done

common=(
  --name Tessera
  --app-version "$version"
  --vendor "Tessera"
  --description "Box office and seat designer with tickets on contactless chips"
  --input "$input"
  --main-jar desktop-app.jar
  --main-class dev.tessera.desktop.Launcher
  --icon "$work/tessera.png"
  --module-path "$javafx"
  --add-modules java.base,java.desktop,java.xml,java.scripting,java.logging,java.net.http,java.sql,java.naming,java.management,java.prefs,java.compiler,jdk.unsupported,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.xml.dom,jdk.management,javafx.controls,javafx.swing
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=zip-6"
  # the same flags as ./tessera run: JavaFX loads its native libraries, nothing else needs native access
  --java-options "--enable-native-access=javafx.graphics"
)

echo "jpackage: app image"
"$jpackage" --type app-image --dest "$work/image" "${common[@]}"
echo "jpackage: .deb"
# the .deb packs the app image built above (no second jlink); gzip, not dpkg-deb's default xz: the image is mostly
# jars that are compressed already, so xz made the package 4 % smaller in ~2 minutes where gzip takes ~15 s, and
# every dpkg reads gzip
DPKG_DEB_COMPRESSOR_TYPE=gzip "$jpackage" --type deb --dest "$work/deb" --app-image "$work/image/Tessera" \
  --name Tessera --app-version "$version" --vendor "Tessera" \
  --description "Box office and seat designer with tickets on contactless chips" --icon "$work/tessera.png" \
  --linux-package-name tessera \
  --linux-shortcut \
  --linux-menu-group Office \
  --linux-app-category office \
  --linux-package-deps libgtk-3-0
ls -l "$work"/deb/*.deb
