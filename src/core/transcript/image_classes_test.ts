import assert from "node:assert/strict";
import { imageClasses } from "./image_classes.ts";

const PNG = "data:image/png;base64,iVBORw0KGgo=";

Deno.test("imageClasses() writes each image once and reuses its class", () => {
  const images = imageClasses("av");
  assert.equal(images.use("alice", PNG), "av-0");
  assert.equal(images.use("alice", PNG), "av-0");
  assert.equal(images.use("bob", PNG), "av-1");
  assert.equal(
    images.takeStyles(),
    `<style>.av-0{background-image:url("${PNG}")}.av-1{background-image:url("${PNG}")}</style>`,
  );
  assert.equal(images.takeStyles(), "", "rules already written are not written again");
  assert.equal(images.use("alice", PNG), "av-0");
});

Deno.test("imageClasses() refuses URIs that are not raster data: images", () => {
  const images = imageClasses();
  assert.equal(images.use("svg", "data:image/svg+xml;base64,PHN2Zz4="), null);
  assert.equal(images.use("quote", 'data:image/png;base64,")}body{display:none'), null);
  assert.equal(images.use("none", undefined), null);
  assert.equal(images.takeStyles(), "");
});
