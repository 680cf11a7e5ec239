// Stand-in for office-addin-manifest in Jest: office-addin-mock imports it only for manifest helpers we never call.
module.exports = {};
