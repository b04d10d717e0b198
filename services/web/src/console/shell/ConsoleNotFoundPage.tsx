import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function ConsoleNotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.notFound.title')}
      </Typography.Title>
      <Result status="404" subTitle={t('console.notFound.hint')} extra={<Link to="/console">{t('console.notFound.home')}</Link>} />
    </>
  );
}
