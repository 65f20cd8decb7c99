/** The one message catalogue: every UI string, in English and 简体中文. One file per area. */
import app from './messages/app';
import cells from './messages/cells';
import data from './messages/data';
import overview from './messages/overview';
import rfm from './messages/rfm';
import cohorts from './messages/cohorts';
import clusters from './messages/clusters';
import lifecycle from './messages/lifecycle';
import clv from './messages/clv';
import personas from './messages/personas';
import rules from './messages/rules';
import lessons from './messages/lessons';

export const catalogue = {
	...app,
	...cells,
	...data,
	...overview,
	...rfm,
	...cohorts,
	...clusters,
	...lifecycle,
	...personas,
	...clv,
	...rules,
	...lessons,
};
export type MessageKey = keyof typeof catalogue;
