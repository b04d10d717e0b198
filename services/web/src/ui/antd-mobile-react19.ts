import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

// antd-mobile 5 mounts Dialog, Toast and Modal with ReactDOM.render, which React 19 removed:
// without this they silently render nothing (https://mobile.ant.design/guide/v5-for-19).
type ContainerWithRoot = (Element | DocumentFragment) & { reactRoot?: Root };

unstableSetRender((node, container) => {
  const host = container as ContainerWithRoot;
  host.reactRoot ??= createRoot(host);
  const root = host.reactRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host.reactRoot;
  };
});
