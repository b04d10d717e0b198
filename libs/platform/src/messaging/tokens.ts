export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const BUS_LOGGER = Symbol('BUS_LOGGER');
