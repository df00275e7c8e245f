// dom.mjs: a small element builder for the page's views, bound to one document.

/** el(tag, props, ...children): a new element with properties set and children appended (falsy ones skipped). */
export function elementMaker(document) {
  return (tag, props = {}, ...children) => {
    const { attrs, dataset, ...rest } = props;
    const node = Object.assign(document.createElement(tag), rest);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    Object.assign(node.dataset, dataset || {});
    node.append(...children.filter((child) => child !== undefined && child !== null && child !== false));
    return node;
  };
}
