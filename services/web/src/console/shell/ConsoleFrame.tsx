import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './console.css';

/**
 * antd's language and the console's colours (the portal's blue, for links too; secondary text dark enough for AA) around every
 * console page. antd draws a hovered or pressed danger button lighter than colorError, too pale under white text for AA: both are set darker.
 */
export function ConsoleFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1a4fa0', colorLink: '#1a4fa0', colorError: '#c62828', colorErrorHover: '#b71c1c', colorErrorActive: '#9a1515', colorTextDescription: '#4a4a4a', colorTextSecondary: '#444', colorTextPlaceholder: '#6b6b6b' } }}
      // antd spaces out a two-character Chinese label ("登 录"): a screen reader then reads two syllables, not the word.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
