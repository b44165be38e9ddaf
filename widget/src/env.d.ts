/** Stylesheets are bundled as minified text and injected into the widget's shadow root. */
declare module "*.css" {
  const css: string;
  export default css;
}
