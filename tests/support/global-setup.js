// placeholder replaced below
module.exports = async () => {};
