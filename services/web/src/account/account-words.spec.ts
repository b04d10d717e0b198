import { describeWords } from '../i18n/words-check';

describeWords('account', __dirname);
